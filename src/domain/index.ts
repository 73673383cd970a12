export * from './account-name.js';
export * from './contact.js';
export * from './email-address.js';
export * from './phone-number.js';
export * from './company-variants.js';
export * from './group-colour.js';
export * from './group-contacts.js';
