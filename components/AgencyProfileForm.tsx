import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { z } from 'zod';
import { AGENCY_STORAGE_KEY, AgencyProfile, LOGO_MAX_CHARS, isSafeLogoDataUrl, parseAgencyProfile } from '../lib/agency/schema';
import type { Translator } from '../lib/i18n';
import { FilePicker } from './FilePicker';
import { useT } from './i18n';
import { ariaFor, errorId, ErrorSummary, Field, FieldError, hintId, issueMessage, problemsOf, useShownErrors, type FieldProblem } from './options/form';

type Draft = { name: string; contact: string; website: string; logo: string };
type Key = keyof Draft;
const EMPTY: Draft = { name: '', contact: '', website: '', logo: '' };
const KEYS: readonly Key[] = ['name', 'contact', 'website', 'logo'];
const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
/** The largest file whose data: URL fits LOGO_MAX_CHARS (base64 is 4 characters per 3 bytes). */
const LOGO_MAX_BYTES = Math.floor(((LOGO_MAX_CHARS - 'data:image/jpeg;base64,'.length) * 3) / 4);

export const agencyFieldId = (key: Key) => `agency-${key}`;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

const isEmpty = (d: Draft) => !d.name.trim() && !d.contact.trim() && !d.website.trim() && !d.logo;

function candidate(d: Draft) {
  return {
    name: d.name,
    ...(d.contact.trim() ? { contact: d.contact } : {}),
    ...(d.website.trim() ? { website: d.website } : {}),
    ...(d.logo ? { logo: d.logo } : {}),
  };
}

const isHttp = (v: string) => /^http:\/\//i.test(v.trim());

/**
 * What a save of the draft would refuse, per field. An empty form removes the profile; a form with
 * anything in it needs a name. The website must be an https:// address (a report of a security
 * audit should not point to an insecure site).
 */
export function agencyProblems(draft: Draft, t: Translator['t'], tn: Translator['tn']): FieldProblem[] {
  if (isEmpty(draft)) return [];
  const input = candidate(draft);
  const worded = problemsOf(AgencyProfile, input, (issue: z.core.$ZodIssue) => {
    const key = String(issue.path[0]) as Key;
    if (key === 'name' && issue.code === 'too_small') return { path: [key], message: t('options.agency.name.required') };
    if (key === 'website' && issue.code === 'custom') return { path: [key], message: t(isHttp(draft.website) ? 'options.agency.website.http' : 'options.agency.website.invalid') };
    return { path: [key], message: issueMessage(t, tn, issue, AgencyProfile, input) };
  });
  if (input.website && isHttp(input.website) && !worded.some((w) => w.path[0] === 'website')) worded.push({ path: ['website'], message: t('options.agency.website.http') });
  const label = (key: Key) => t(`agency.${key}`);
  return KEYS.flatMap((key) => worded.filter((w) => w.path[0] === key).map((w) => ({ id: agencyFieldId(key), label: label(key), message: w.message })));
}

/** The agency profile used in report headers and proposal summaries; the logo is kept locally. */
export function AgencyProfileForm({ storage = browser.storage.local }: { storage?: Pick<typeof browser.storage.local, 'get' | 'set' | 'remove'> }) {
  const { t, tn, number } = useT();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [status, setStatus] = useState<'idle' | 'saved' | 'removed' | 'invalid' | 'failed'>('idle');
  const [logoError, setLogoError] = useState<string | null>(null);
  const errors = useShownErrors();

  useEffect(() => {
    void storage.get(AGENCY_STORAGE_KEY).then((items) => {
      const profile = parseAgencyProfile(items[AGENCY_STORAGE_KEY]);
      if (profile) setDraft({ name: profile.name, contact: profile.contact ?? '', website: profile.website ?? '', logo: profile.logo ?? '' });
    });
  }, []);

  const problems = agencyProblems(draft, t, tn);
  const errorOf = (key: Key) => {
    if (key === 'logo' && logoError) return logoError;
    const id = agencyFieldId(key);
    return errors.shown(id) ? problems.find((p) => p.id === id)?.message ?? null : null;
  };

  const field = (key: Key) => (e: Event) => {
    setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value });
    setStatus('idle');
  };

  const logoRef = useRef<HTMLDivElement>(null);
  async function pickLogo(file: File) {
    // A refused file is cleared from the picker (so that choosing it again, fixed, is seen); the
    // logo already chosen stays.
    const refuse = (message: string) => {
      const input = logoRef.current?.querySelector<HTMLInputElement>('input[type=file]');
      if (input) input.value = '';
      setLogoError(message);
    };
    const kb = (bytes: number) => number(Math.ceil(bytes / 1000));
    if (!LOGO_TYPES.includes(file.type)) return refuse(t('options.agency.logo.type', { file: file.name }));
    if (file.size > LOGO_MAX_BYTES) return refuse(t('options.agency.logo.size', { file: file.name, size: kb(file.size), max: number(Math.round(LOGO_MAX_BYTES / 1000)) }));
    let dataUrl: string;
    try {
      dataUrl = await readAsDataUrl(file);
    } catch {
      return refuse(t('options.agency.logo.unreadable', { file: file.name }));
    }
    if (!isSafeLogoDataUrl(dataUrl)) return refuse(t('options.agency.logo.type', { file: file.name }));
    setLogoError(null);
    setDraft({ ...draft, logo: dataUrl });
    setStatus('idle');
  }

  async function save() {
    if (problems.length > 0) {
      errors.tried();
      return setStatus('invalid');
    }
    try {
      if (isEmpty(draft)) {
        await storage.remove(AGENCY_STORAGE_KEY);
        errors.reset();
        return setStatus('removed');
      }
      const parsed = AgencyProfile.safeParse(candidate(draft));
      if (!parsed.success) {
        errors.tried();
        return setStatus('invalid');
      }
      await storage.set({ [AGENCY_STORAGE_KEY]: parsed.data });
      errors.reset();
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  }

  const statusText = { idle: '', saved: t('agency.saved'), removed: t('options.agency.removed'), invalid: t('options.agency.invalid'), failed: t('options.agency.failed') }[status];
  const hints = { name: t('options.agency.name.hint'), contact: t('options.agency.contact.hint'), website: t('options.agency.website.hint'), logo: t('options.agency.logo.hint') };
  const text = (key: 'name' | 'contact' | 'website', type: 'text' | 'url', size?: 'medium', extra: Record<string, string> = {}) => {
    const id = agencyFieldId(key);
    return (
      <Field id={id} label={t(`agency.${key}`)} hint={hints[key]} error={errorOf(key)} size={size}>
        <input {...ariaFor(id, { hint: true, error: errorOf(key) })} name={id} type={type as 'text'} value={draft[key]} onInput={field(key)} {...extra} />
      </Field>
    );
  };

  return (
    <section class="form-section form-card" data-testid="agency-form" aria-labelledby="agency-title">
      <h2 id="agency-title">{t('agency.title')}</h2>
      <p class="form-intro">{t('agency.intro')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onFocusOut={errors.onFocusOut}
      >
        <div class="field-row">
          {text('name', 'text', 'medium', { 'data-testid': 'agency-name', autoComplete: 'organization' })}
          {text('contact', 'text', 'medium')}
        </div>
        {text('website', 'url', undefined, { placeholder: 'https://', autoComplete: 'url', spellcheck: 'false' })}
        {(() => {
          const id = agencyFieldId('logo');
          const error = errorOf('logo');
          return (
            <div class={`field${error ? ' field-invalid' : ''}`} id={id} data-field={id} ref={logoRef}>
              {/* The page's words on the button, not the browser's (components/FilePicker.tsx). */}
              <FilePicker label={t('agency.logo')} choose={t('options.agency.logo.choose')} none={t(draft.logo ? 'options.agency.logo.keep' : 'options.agency.logo.none')}
                accept={LOGO_TYPES.join(',')} name="agency-logo" describedBy={error ? `${hintId(id)} ${errorId(id)}` : hintId(id)} invalid={!!error}
                onFile={(file) => file && void pickLogo(file)} />
              <p class="field-hint" id={hintId(id)}>{hints.logo}</p>
              {draft.logo && (
                <p class="logo-preview">
                  <img src={draft.logo} alt={t('agency.logo.preview')} class="agency-logo" />
                  <button type="button" onClick={() => { setDraft({ ...draft, logo: '' }); setLogoError(null); setStatus('idle'); }}>{t('agency.logo.remove')}</button>
                </p>
              )}
              <FieldError id={id} error={error} />
            </div>
          );
        })()}
        <div class="form-footer">
          <ErrorSummary id="agency-summary" problems={errors.attempt > 0 ? problems : []} attempt={errors.attempt} testId="agency-summary" />
          <div class="form-actions">
            <button type="submit" class="primary" data-testid="agency-save">{t('agency.save')}</button>
            <p role="status" class={`form-status${status === 'invalid' || status === 'failed' ? ' form-status-error' : ''}`} data-testid="agency-status">{statusText}</p>
          </div>
        </div>
      </form>
    </section>
  );
}
