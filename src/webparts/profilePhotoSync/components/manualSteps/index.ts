export * from './ManualSteps';
