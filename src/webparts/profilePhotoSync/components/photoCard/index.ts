export * from './PhotoCard';
