import * as React from 'react';
import { render, screen } from '@testing-library/react';
import { ErrorBoundary } from './ErrorBoundary';

function Broken(): React.ReactElement {
  throw new Error('render failed');
}

describe('ErrorBoundary', () => {
  it('shows a sentence instead of crashing the page when a child throws', () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<ErrorBoundary message="This web part ran into a problem."><Broken /></ErrorBoundary>);
    expect(screen.getByRole('alert')).toHaveTextContent('This web part ran into a problem.');
    consoleError.mockRestore();
  });

  it('renders its children when nothing goes wrong', () => {
    render(<ErrorBoundary message="unused"><p>fine</p></ErrorBoundary>);
    expect(screen.getByText('fine')).toBeInTheDocument();
  });
});
