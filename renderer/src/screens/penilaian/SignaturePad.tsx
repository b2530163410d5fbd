/** A signature pad: draw with mouse, touch or pen (pointer events); the drawing becomes a PNG. */
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { useT } from '../../components/common.js';
import { canvasPng } from './images.js';

export interface SignaturePadHandle {
  png(): Promise<Uint8Array | null>;
}

export const SignaturePad = forwardRef<SignaturePadHandle, { label: string }>(function SignaturePad(props, ref) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [empty, setEmpty] = useState(true);

  useImperativeHandle(ref, () => ({ png: async () => (empty || !canvas.current ? null : canvasPng(canvas.current)) }), [empty]);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return [
      ((e.clientX - rect.left) * e.currentTarget.width) / rect.width,
      ((e.clientY - rect.top) * e.currentTarget.height) / rect.height,
    ] as const;
  };

  return (
    <div className="signature">
      <canvas
        ref={canvas}
        width={600}
        height={200}
        className="signature-pad"
        role="img"
        aria-label={props.label}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          const ctx = e.currentTarget.getContext('2d')!;
          ctx.lineWidth = 3;
          ctx.lineCap = 'round';
          ctx.lineJoin = 'round';
          ctx.strokeStyle = '#0b1f3a';
          const [x, y] = point(e);
          ctx.beginPath();
          ctx.moveTo(x, y);
          drawing.current = true;
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const ctx = e.currentTarget.getContext('2d')!;
          const [x, y] = point(e);
          ctx.lineTo(x, y);
          ctx.stroke();
          setEmpty(false);
        }}
        onPointerUp={() => (drawing.current = false)}
        onPointerCancel={() => (drawing.current = false)}
      />
      <div className="signature-actions">
        <span className="muted small">{empty ? t('scoring.signHere') : t('scoring.signed')}</span>
        <button
          type="button"
          className="link"
          onClick={() => {
            const c = canvas.current;
            c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
            setEmpty(true);
          }}
        >
          {t('scoring.clearSignature')}
        </button>
      </div>
    </div>
  );
});
