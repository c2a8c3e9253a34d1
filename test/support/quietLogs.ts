/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// Tests provoke node errors on purpose; n8n's error reporter would log each one to stdout.
process.env.N8N_LOG_LEVEL = 'silent';
