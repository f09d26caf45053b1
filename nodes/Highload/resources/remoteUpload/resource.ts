import { stringField } from '../../descriptions/sentFields';

export const REMOTE_UPLOAD = { value: 'remoteUpload', name: 'Remote Upload' };

/** The upload that Get and Remove act on: each lists it in its spec. */
export const remoteUploadId = stringField(
	{ name: 'remoteUploadId', displayName: 'Remote Upload ID', required: true, placeholder: 'e.g. 8ykqg0nkqxoh', description: "The ID that 'Remote Upload → Add' returned" },
	'id',
	'remoteUploadId',
	{ notFoundAs: 'remote upload' },
);
