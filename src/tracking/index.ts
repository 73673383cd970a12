export * from './add-account.js';
export * from './add-mailbox.js';
export * from './find-mailbox.js';
export * from './add-user.js';
export * from './resolve-acting-user.js';
export * from './tracking-errors.js';
