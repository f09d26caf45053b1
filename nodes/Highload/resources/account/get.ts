import { defineOperation } from '../../shared/operation';
import { records } from '../../shared/output';

export const getAccount = defineOperation({
	resource: 'account',
	value: 'get',
	name: 'Get',
	action: 'Get account information',
	description: 'Get the account behind the credential: ID, email, sign-up date and usage',
	endpoint: 'account/info',
	output: records(),
});
