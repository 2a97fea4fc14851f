import * as React from 'react';

export interface IErrorBoundaryProps {
  /** Shown instead of the web part when rendering throws. */
  message: string;
  children?: React.ReactNode;
}

interface IErrorBoundaryState {
  crashed: boolean;
}

/** Keeps a rendering bug from taking the whole page section down: the person reads a sentence instead. */
export class ErrorBoundary extends React.Component<IErrorBoundaryProps, IErrorBoundaryState> {
  public state: IErrorBoundaryState = { crashed: false };

  public static getDerivedStateFromError(): IErrorBoundaryState {
    return { crashed: true };
  }

  public render(): React.ReactNode {
    return this.state.crashed ? <p role="alert">{this.props.message}</p> : this.props.children;
  }
}
