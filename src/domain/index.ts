export * from './account-name.js';
export * from './contact.js';
export * from './email-address.js';
export * from './phone-number.js';
