import { useMemo } from 'react';
import type { InspectImage } from '../../../shared/api/inspect';
import { base64Bytes } from './decode';
import { LevelsCanvas } from './FeatureMapGrid';

/** An 8-bit sample image (gray or RGB) from an inspect result, drawn pixel-sharp. */
export function SampleImage(props: { image: InspectImage; zoom?: number; className?: string; title?: string }) {
  const { image } = props;
  const levels = useMemo(() => {
    const bytes = base64Bytes(image.data);
    const out = new Float32Array(bytes.length);
    for (let i = 0; i < bytes.length; i++) out[i] = (bytes[i] ?? 0) / 255;
    return out;
  }, [image]);
  const zoom = props.zoom ?? Math.max(1, Math.round(56 / Math.max(image.width, image.height)));
  return (
    <LevelsCanvas
      levels={levels}
      width={image.width}
      height={image.height}
      rgb={image.channels === 3}
      zoom={zoom}
      className={props.className ?? 'sample-img'}
      title={props.title}
    />
  );
}
