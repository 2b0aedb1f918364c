/**
 * Renders an export document as Preact elements (the print page). Strings are text nodes, never
 * markup; links only for safe https addresses; the logo only as a validated raster data: URL;
 * charts as SVG elements drawn from numbers (the same drawing as the HTML export).
 */
import { isSafeLogoDataUrl } from '../../lib/agency/schema';
import { isSafeLinkUrl, type Block, type ChartBlock, type Doc, type Inline } from '../../lib/export/doc';
import { chartDrawing, type SvgShape } from '../../lib/export/render/chart-svg';
import { neutraliseInvisible, oneLine } from '../../lib/export/sanitize';
import './charts.css';

function InlineView({ run }: { run: Inline }) {
  switch (run.kind) {
    case 'text':
      return <>{oneLine(run.text)}</>;
    case 'strong':
      return <strong>{oneLine(run.text)}</strong>;
    case 'code':
      return <code>{oneLine(run.text)}</code>;
    case 'link':
      return isSafeLinkUrl(run.href) ? <a href={run.href} rel="noopener noreferrer" target="_blank">{oneLine(run.text)}</a> : <code>{oneLine(run.href)}</code>;
  }
}

const Inlines = ({ runs }: { runs: Inline[] }) => <>{runs.map((run, i) => <InlineView key={i} run={run} />)}</>;

function ShapeView({ shape }: { shape: SvgShape }) {
  const Tag = shape.tag;
  return (
    <Tag {...shape.attrs}>
      {shape.title !== undefined && <title>{oneLine(shape.title)}</title>}
      {shape.text !== undefined && oneLine(shape.text)}
    </Tag>
  );
}

/** Named by its title (printed above it too) and described by the numbers in words. */
function ChartView({ block }: { block: ChartBlock }) {
  const d = chartDrawing(block);
  return (
    <figure class="export-chart" data-testid="export-chart" data-chart={block.chart}>
      <figcaption class="export-chart-title">{oneLine(block.title)}</figcaption>
      <svg xmlns="http://www.w3.org/2000/svg" role="img" width={d.width} height={d.height} viewBox={`0 0 ${d.width} ${d.height}`} {...d.attrs}>
        <title>{oneLine(block.title)}</title>
        <desc>{oneLine(block.description)}</desc>
        {d.shapes.map((shape, i) => <ShapeView key={i} shape={shape} />)}
      </svg>
    </figure>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'heading': {
      const H = `h${block.level}` as 'h1' | 'h2' | 'h3';
      return <H>{oneLine(block.text)}</H>;
    }
    case 'paragraph':
      return <p><Inlines runs={block.content} /></p>;
    case 'callout':
      return <p class={`callout ${block.tone}`} role="note"><strong><Inlines runs={block.content} /></strong></p>;
    case 'list':
      return <ul>{block.items.map((item, i) => <li key={i}><Inlines runs={item} /></li>)}</ul>;
    case 'table':
      return (
        <table>
          <thead><tr>{block.head.map((h, i) => <th key={i}>{oneLine(h)}</th>)}</tr></thead>
          <tbody>{block.rows.map((row, r) => <tr key={r}>{row.map((cell, c) => <td key={c}><Inlines runs={cell} /></td>)}</tr>)}</tbody>
        </table>
      );
    case 'code-block':
      return <pre>{neutraliseInvisible(block.text)}</pre>;
    case 'letterhead':
      return (
        <header class="letterhead">
          {block.logo && isSafeLogoDataUrl(block.logo) && <img src={block.logo} alt="" class="logo" />}
          <div>
            <strong class="agency-name">{oneLine(block.name)}</strong>
            {block.lines.map((line, i) => <div key={i}><Inlines runs={line} /></div>)}
          </div>
        </header>
      );
    case 'chart':
      return <div class="export-charts"><ChartView block={block} /></div>;
    case 'page-break':
      return <div class="page-break" aria-hidden="true" />;
  }
}

/** Charts that follow each other share a row (two fit side by side on A4). */
function groupCharts(blocks: readonly Block[]): Array<Block | ChartBlock[]> {
  const groups: Array<Block | ChartBlock[]> = [];
  for (const block of blocks) {
    const last = groups[groups.length - 1];
    if (block.kind !== 'chart') groups.push(block);
    else if (Array.isArray(last)) last.push(block);
    else groups.push([block]);
  }
  return groups;
}

export function DocView({ doc }: { doc: Doc }) {
  return (
    <article class="export-doc" lang={doc.lang} data-testid="export-doc">
      {groupCharts(doc.blocks).map((group, i) =>
        Array.isArray(group) ? <div key={i} class="export-charts">{group.map((block, j) => <ChartView key={j} block={block} />)}</div> : <BlockView key={i} block={group} />,
      )}
    </article>
  );
}
