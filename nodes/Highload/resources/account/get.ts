import { defineOperation } from '../../descriptions/operation';
import { records } from '../../output/results';
import { ACCOUNT } from './resource';

export const getAccount = defineOperation({
	resource: ACCOUNT,
	value: 'get',
	name: 'Get',
	action: 'Get account information',
	description: 'Get the account behind the credential: ID, email, sign-up date and usage',
	endpoint: 'account/info',
	result: records('account'),
});
