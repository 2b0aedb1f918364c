import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AGENCY_STORAGE_KEY, AgencyProfile, LOGO_MAX_CHARS, isSafeLogoDataUrl, parseAgencyProfile } from '../lib/agency/schema';
import { useT } from './i18n';

type Draft = { name: string; contact: string; website: string; logo: string };
const EMPTY: Draft = { name: '', contact: '', website: '', logo: '' };

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** The agency profile used in report headers and proposal summaries; the logo is kept locally. */
export function AgencyProfileForm({ storage = browser.storage.local }: { storage?: Pick<typeof browser.storage.local, 'get' | 'set' | 'remove'> }) {
  const { t } = useT();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [status, setStatus] = useState<{ kind: 'idle' | 'saved' | 'error'; message?: string }>({ kind: 'idle' });

  useEffect(() => {
    void storage.get(AGENCY_STORAGE_KEY).then((items) => {
      const profile = parseAgencyProfile(items[AGENCY_STORAGE_KEY]);
      if (profile) setDraft({ name: profile.name, contact: profile.contact ?? '', website: profile.website ?? '', logo: profile.logo ?? '' });
    });
  }, []);

  const field = (key: keyof Draft) => (e: Event) => {
    setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value });
    setStatus({ kind: 'idle' });
  };

  async function pickLogo(e: Event) {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    if (file.size > (LOGO_MAX_CHARS * 3) / 4) return setStatus({ kind: 'error', message: t('agency.logo.tooLarge') });
    const dataUrl = await readAsDataUrl(file);
    if (!isSafeLogoDataUrl(dataUrl)) return setStatus({ kind: 'error', message: t('agency.logo.invalid') });
    setDraft({ ...draft, logo: dataUrl });
    setStatus({ kind: 'idle' });
  }

  async function save() {
    if (!draft.name.trim()) {
      await storage.remove(AGENCY_STORAGE_KEY);
      return setStatus({ kind: 'saved' });
    }
    const parsed = AgencyProfile.safeParse({
      name: draft.name,
      ...(draft.contact.trim() ? { contact: draft.contact } : {}),
      ...(draft.website.trim() ? { website: draft.website } : {}),
      ...(draft.logo ? { logo: draft.logo } : {}),
    });
    if (!parsed.success) return setStatus({ kind: 'error', message: t('agency.invalid', { fields: parsed.error.issues.map((i) => t(`agency.${String(i.path[0])}`)).join(', ') }) });
    await storage.set({ [AGENCY_STORAGE_KEY]: parsed.data });
    setStatus({ kind: 'saved' });
  }

  return (
    <section class="agency-form" data-testid="agency-form">
      <h2>{t('agency.title')}</h2>
      <p class="muted">{t('agency.intro')}</p>
      <label>{t('agency.name')} <input type="text" maxLength={120} value={draft.name} onInput={field('name')} data-testid="agency-name" /></label>
      <label>{t('agency.contact')} <input type="text" maxLength={300} value={draft.contact} onInput={field('contact')} /></label>
      <label>{t('agency.website')} <input type="url" maxLength={500} value={draft.website} onInput={field('website')} placeholder="https://" /></label>
      <label>
        {t('agency.logo')} <input type="file" accept="image/png,image/jpeg,image/webp,image/gif" onChange={(e) => void pickLogo(e)} />
      </label>
      {draft.logo && (
        <p>
          <img src={draft.logo} alt={t('agency.logo.preview')} class="agency-logo" />{' '}
          <button type="button" onClick={() => setDraft({ ...draft, logo: '' })}>{t('agency.logo.remove')}</button>
        </p>
      )}
      <button type="button" class="primary" onClick={() => void save()} data-testid="agency-save">{t('agency.save')}</button>{' '}
      <span role="status" class={status.kind === 'error' ? 'error' : 'muted'}>
        {status.kind === 'saved' ? t('agency.saved') : status.message ?? ''}
      </span>
    </section>
  );
}
