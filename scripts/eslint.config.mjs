// Code that never ships: the general rules of ../eslint.dev.config.mjs, not n8n's node rules (CONTRIBUTING.md, "Lint").
export { default } from '../eslint.dev.config.mjs';
