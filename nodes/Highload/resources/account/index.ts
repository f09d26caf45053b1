import { getAccount } from './get';

export const accountOperations = [getAccount];
