/** One paragraph for an email: what was audited, how it looks, and what we recommend. */
import type { AgencyProfile } from '../../agency/schema';
import type { Audit } from '../../audit/schema';
import type { OfferSettings } from '../../proposal/offer';
import type { ExportContext } from '../context';
import { paragraph, text, type Doc } from '../doc';
import { findingTitle, tierLabel } from '../labels';
import { countsSentence, gradeSentence, topRisks } from './common';

/** The offer settings are not used: the paragraph stays short. */
export function emailDoc(ctx: ExportContext, audit: Audit, agency: AgencyProfile | null, _offer?: OfferSettings): Doc {
  const top = topRisks(audit, 1)[0];
  const sentences = [
    ctx.t('export.email.opening', { domain: audit.domain, date: ctx.date(audit.startedAt) }),
    gradeSentence(ctx, audit),
    countsSentence(ctx, audit.findings),
    top ? ctx.t('export.email.topRisk', { title: findingTitle(ctx, top) }) : null,
    ctx.t(`export.email.verdict.${audit.diagnosis.threeCriticals}`),
    ctx.t('export.email.tier', { tier: tierLabel(ctx, audit.diagnosis.tier.recommended) }),
    agency ? ctx.t('export.email.closing', { agency: agency.name }) : null,
  ].filter((s): s is string => s !== null);
  return { lang: ctx.locale, title: ctx.t('export.email.title', { domain: audit.domain }), blocks: [paragraph(text(sentences.join(' ')))] };
}
