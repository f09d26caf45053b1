import { getAccount } from './get';
import { ACCOUNT } from './resource';

export const accountResource = { ...ACCOUNT, operations: [getAccount] };
