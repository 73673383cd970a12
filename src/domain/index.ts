export * from './account-name.js';
export * from './contact.js';
export * from './email-address.js';
export * from './phone-number.js';
export * from './company-variants.js';
export * from './group-colour.js';
