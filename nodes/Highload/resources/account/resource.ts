export const ACCOUNT = { value: 'account', name: 'Account' };
