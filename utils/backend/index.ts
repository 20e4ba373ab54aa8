export { createBackendClient, type BackendClient, type BackendConfig, type BackendOptions, type PageQuery } from './client';
export { ApiError, AuthError, BackendError, ContractError, NetworkError, ServerError } from './errors';
