/**
 * Evidence photos of one indicator: pick files, drop them on the row, or take one with the camera; thumbnails, and
 * the photo full size on click. Files go to the core as bytes (with a thumbnail made here); never a path.
 */
import { useEffect, useRef, useState } from 'react';
import type { EvidenceInfo } from '../../../../shared/contract/schemas.js';
import { call } from '../../api.js';
import { useT } from '../../components/common.js';
import { useScoringStore } from '../../stores/scoring.js';
import { bytesUrl, captureFrame, isPhotoType, makeThumbnail } from './images.js';

export async function addPhotoFiles(indicator: string, files: Iterable<File>): Promise<void> {
  const add = useScoringStore.getState().addEvidence;
  for (const file of files) {
    if (!isPhotoType(file.type)) continue;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const thumbnail = await makeThumbnail(file).catch(() => undefined);
    await add(indicator, { name: file.name, mime: file.type, bytes, ...(thumbnail ? { thumbnail } : {}) });
  }
}

function Thumb({ info, onOpen }: { info: EvidenceInfo; onOpen: () => void }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let made: string | null = null;
    void call('evidence.get', { uuid: info.uuid, thumbnail: info.hasThumbnail }).then((r) => {
      if (r.ok) {
        made = bytesUrl(r.value.bytes, r.value.mime);
        setUrl(made);
      }
    });
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [info.uuid, info.hasThumbnail]);
  return (
    <button type="button" className="thumb" onClick={onOpen} aria-label={info.name}>
      {url ? <img src={url} alt={info.name} /> : <span className="muted small">…</span>}
    </button>
  );
}

function FullSize({ info, onClose }: { info: EvidenceInfo; onClose: () => void }) {
  const t = useT();
  const [url, setUrl] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const removeEvidence = useScoringStore((s) => s.removeEvidence);
  const finalised = useScoringStore((s) => s.sheet?.finalised ?? false);
  useEffect(() => {
    let made: string | null = null;
    void call('evidence.get', { uuid: info.uuid, thumbnail: false }).then((r) => {
      if (r.ok) {
        made = bytesUrl(r.value.bytes, r.value.mime);
        setUrl(made);
      }
    });
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [info.uuid]);
  return (
    <div className="modal" role="dialog" aria-modal="true" aria-label={info.name} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="modal-body photo-view">
        {url ? <img src={url} alt={info.name} /> : <p>{t('common.loading')}</p>}
        <p className="muted small">
          {info.name} · SHA-256 {info.sha256.slice(0, 16)}…
        </p>
        {confirming ? (
          <div className="confirm-box" role="alertdialog" aria-label={t('scoring.removePhoto')}>
            <p>{t('photo.confirmRemove', { name: info.name })}</p>
            <div className="form-actions">
              <button
                type="button"
                className="danger"
                onClick={() => {
                  void removeEvidence(info.uuid);
                  onClose();
                }}
              >
                {t('photo.confirm')}
              </button>
              <button type="button" className="secondary" onClick={() => setConfirming(false)} autoFocus>
                {t('photo.keep')}
              </button>
            </div>
          </div>
        ) : null}
        <div className="form-actions">
          {!finalised && !confirming ? (
            <button type="button" className="secondary" onClick={() => setConfirming(true)}>
              {t('scoring.removePhoto')}
            </button>
          ) : null}
          <button type="button" className="primary" onClick={onClose} autoFocus>
            {t('common.close')}
          </button>
        </div>
      </div>
    </div>
  );
}

function Camera({ indicator, onClose }: { indicator: string; onClose: () => void }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(navigator.mediaDevices ? null : t('scoring.noCamera'));
  const addEvidence = useScoringStore((s) => s.addEvidence);
  useEffect(() => {
    let stream: MediaStream | null = null;
    navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: 'environment' } })
      .then((s) => {
        stream = s;
        if (video.current) video.current.srcObject = s;
      })
      .catch((e: unknown) => setError((e as Error).message));
    return () => stream?.getTracks().forEach((track) => track.stop());
  }, []);
  async function take() {
    if (!video.current) return;
    const bytes = await captureFrame(video.current);
    const thumbnail = await makeThumbnail(new Blob([bytes.slice().buffer], { type: 'image/jpeg' }));
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    await addEvidence(indicator, { name: `foto-${indicator}-${stamp}.jpg`, mime: 'image/jpeg', bytes, thumbnail });
    onClose();
  }
  return (
    <div className="modal" role="dialog" aria-modal="true" aria-label={t('scoring.camera')}>
      <div className="modal-body">
        {error ? (
          <p className="form-error">{t('scoring.cameraError', { detail: error })}</p>
        ) : (
          <video ref={video} autoPlay playsInline muted className="camera" />
        )}
        <div className="form-actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t('setup.cancel')}
          </button>
          <button type="button" className="primary" onClick={() => void take()} disabled={Boolean(error)}>
            {t('scoring.takePhoto')}
          </button>
        </div>
      </div>
    </div>
  );
}

export function EvidenceStrip({ indicator, items, disabled }: { indicator: string; items: EvidenceInfo[]; disabled: boolean }) {
  const t = useT();
  const [open, setOpen] = useState<EvidenceInfo | null>(null);
  const [camera, setCamera] = useState(false);
  return (
    <div className="evidence">
      {items.map((info) => (
        <Thumb key={info.uuid} info={info} onOpen={() => setOpen(info)} />
      ))}
      {!disabled ? (
        <>
          <label className="file-button small-button">
            {t('scoring.addPhoto')}
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp"
              multiple
              aria-label={`${t('scoring.addPhoto')} ${indicator}`}
              onChange={(e) => void addPhotoFiles(indicator, e.target.files ?? []).finally(() => (e.target.value = ''))}
            />
          </label>
          <button type="button" className="secondary small-button" onClick={() => setCamera(true)}>
            {t('scoring.camera')}
          </button>
        </>
      ) : null}
      {open ? <FullSize info={open} onClose={() => setOpen(null)} /> : null}
      {camera ? <Camera indicator={indicator} onClose={() => setCamera(false)} /> : null}
    </div>
  );
}
