export * from './config';
export * from './backends';
