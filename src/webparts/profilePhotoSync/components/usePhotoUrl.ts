import * as React from 'react';

/** An object URL for a photo's bytes, revoked when the photo changes or the component goes away. */
export function usePhotoUrl(image: Blob | undefined): string | undefined {
  const [url, setUrl] = React.useState<string | undefined>(undefined);
  React.useEffect(() => {
    if (!image) {
      setUrl(undefined);
      return undefined;
    }
    const created: string = URL.createObjectURL(image);
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [image]);
  return url;
}
