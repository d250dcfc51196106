/**
 * The region map on the page: one Pixi application for the whole visit (its canvas moves into
 * whichever screen shows the map), the scene that draws the market, a legend, a tooltip for what
 * is under the pointer, and keys for panning and zooming. Screens hand it a state to show.
 */
import { Application } from 'pixi.js';
import type { Locale } from '../../engine/i18n/locale.ts';
import type { SessionState } from '../../engine/session/state.ts';
import { h, fill } from '../dom.ts';
import { t } from '../i18n/t.ts';
import { regionModel, type RegionModel } from '../region/regionModel.ts';
import { PanZoom, type Inset } from '../region/panZoom.ts';
import { RegionScene, type RegionTarget } from '../region/regionScene.ts';
import { formatBp, formatCount } from '../view/format.ts';
import { suppliersLabel } from '../view/accountSplit.ts';
import { namedScenario, teamContext } from '../view/session.ts';

const SEGMENT_KEYS = ['sme', 'young-digital', 'traditional'] as const;

function hex(colour: number): string {
  return `#${colour.toString(16).padStart(6, '0')}`;
}

export class RegionHost {
  readonly pane = h('div', { class: 'region', tabindex: 0, role: 'application' });
  private readonly tooltip = h('div', { class: 'map-tooltip', role: 'tooltip', hidden: true });
  private readonly legend = h('ul', { class: 'legend' });
  private readonly help = h('p', { class: 'map-help' });
  private app: Application | null = null;
  private scene: RegionScene | null = null;
  private ready: Promise<void> | null = null;
  private model: RegionModel | null = null;
  private locale: Locale = 'zh-CN';
  private failed = false;
  /** What the map shows now, so a screen that re-renders does not redraw it. */
  private shown = '';
  private queue: Promise<void> = Promise.resolve();

  constructor() {
    this.pane.append(this.tooltip, this.legend, this.help);
    this.pane.addEventListener('keydown', (e) => {
      if (this.scene?.handleKey(e.key)) e.preventDefault();
    });
    new ResizeObserver(() => this.fit()).observe(this.pane);
  }

  private init(): Promise<void> {
    this.ready ??= (async () => {
      try {
        const app = new Application();
        await app.init({ background: 0xf3efe4, antialias: true, autoDensity: true, resolution: Math.min(2, window.devicePixelRatio || 1), preference: 'webgl' });
        app.canvas.setAttribute('aria-hidden', 'true');
        this.pane.prepend(app.canvas);
        this.app = app;
        this.scene = new RegionScene(app, { onHover: (target, x, y) => this.hover(target, x, y), onSelect: (target) => this.hover(target, 0, 0, true) });
        this.fit();
      } catch (error) {
        // Without WebGL the game still plays: the map says so and the figures are all in the panels.
        this.failed = true;
        this.pane.prepend(h('p', { class: 'map-missing' }, t(this.locale, 'map.unavailable', { reason: error instanceof Error ? error.message : String(error) })));
      }
    })();
    return this.ready;
  }

  private fit(): void {
    if (!this.app || !this.scene) return;
    const w = Math.max(200, this.pane.clientWidth);
    const hgt = Math.max(200, this.pane.clientHeight);
    this.app.renderer.resize(w, hgt);
    this.scene.resize(w, hgt, this.legendInset(w, hgt));
  }

  /**
   * The legend sits over the map's bottom-left corner: the map is fitted clear of it, beside it or
   * above it, whichever leaves the map larger (a room of eight teams has a tall legend).
   */
  private legendInset(w: number, hgt: number): Inset {
    const none = { left: 0, bottom: 0 };
    if (!this.model || this.legend.childElementCount === 0) return none;
    const gap = 8;
    const beside = { left: this.legend.offsetLeft + this.legend.offsetWidth + gap, bottom: 0 };
    const above = { left: 0, bottom: hgt - this.legend.offsetTop + gap };
    const scale = (inset: Inset) => PanZoom.fitScale(this.model!.bounds, w, hgt, inset);
    return scale(beside) >= scale(above) ? beside : above;
  }

  /**
   * Shows a team's market (the solo trainee's unless `team` says which; with `team: null`, the
   * shared market as the projector sees it, nobody's firm picked out); with `animateFrom`, plays
   * the change from that earlier state. Calls run one after another, and a call for what is
   * already shown does nothing.
   */
  show(state: SessionState, locale: Locale, options: { animateFrom?: SessionState | null; team?: string | null } = {}): Promise<void> {
    const key = `${locale}/${options.team}/${state.round}/${state.status}/${state.markets[0]?.round ?? 0}/${state.history.length}/${state.teams.length}`;
    const run = async () => {
      if (key === this.shown && !options.animateFrom) return;
      this.shown = key;
      await this.draw(state, locale, options.animateFrom ?? null, options.team);
    };
    this.queue = this.queue.then(run, run);
    return this.queue;
  }

  private async draw(state: SessionState, locale: Locale, animateFrom: SessionState | null, team: string | null | undefined): Promise<void> {
    this.locale = locale;
    this.help.textContent = t(locale, 'map.help');
    await this.init();
    if (this.failed || !this.scene) return;
    const ctx =
      team === null
        ? { scenario: namedScenario(state, 0), market: state.markets[0]!, firm: -1, team: { name: '' } }
        : teamContext(state, team);
    const before = animateFrom ? (team === null ? animateFrom.markets[0] : teamContext(animateFrom, team).market) : undefined;
    const model = regionModel({ scenario: ctx.scenario, market: ctx.market, firm: ctx.firm, locale, previous: before });
    this.model = model;
    // The legend first: the map is fitted clear of it.
    fill(
      this.legend,
      model.firms
        .filter((f) => f.active || f.ours)
        .map((f) => h('li', { class: f.ours ? 'ours' : '' }, h('span', { class: 'swatch', style: `background:${hex(f.colour)}` }), f.ours ? ctx.team.name : f.name)),
      h('li', {}, h('span', { class: 'swatch unserved' }), t(locale, 'map.unserved')),
    );
    this.fit();
    this.pane.setAttribute('aria-label', t(locale, 'map.label', { territories: model.territories.length, customers: formatCount(locale, model.customers.count) }));
    if (before) {
      this.scene.setModel(model, { showPrevious: true });
      await this.scene.animateTo(model, 1400);
    } else this.scene.setModel(model);
  }

  private hover(target: RegionTarget | null, x: number, y: number, pinned = false): void {
    if (!target || !this.model) {
      if (!pinned) this.tooltip.hidden = true;
      return;
    }
    const m = this.model;
    const l = this.locale;
    const firmName = (i: number) => (i >= 0 ? (m.firms[i]?.name ?? '—') : t(l, 'map.unserved'));
    let lines: string[];
    if (target.kind === 'territory') {
      const tt = target.territory;
      const rivals = tt.firmsPresent
        .filter((f) => f !== m.ours)
        .map((f) => `${firmName(f)} ${formatBp(l, tt.sharesBp[f] ?? 0)}`)
        .join(l === 'en' ? ', ' : '，');
      lines = [
        tt.name,
        `${t(l, `tier.${tt.tier}`)} · ${t(l, `territory-stage.${tt.stage}`)}`,
        t(l, 'map.territory-line', { potential: formatCount(l, tt.potential), customers: formatCount(l, tt.customerCount), share: formatBp(l, tt.ourShareBp) }),
        rivals ? t(l, 'map.rivals', { rivals }) : '',
      ];
    } else if (target.kind === 'keyAccount') {
      const a = target.account;
      lines = [a.name, t(l, 'map.account-line', { supplier: suppliersLabel(l, a, firmName), volume: formatCount(l, a.volume), round: a.contractEnd, csat: a.csat })];
    } else {
      const seg = m.customers.segment[target.index] ?? 0;
      lines = [t(l, 'map.customer', { territory: target.territory.name }), `${t(l, `segment.${SEGMENT_KEYS[seg]}`)} · ${t(l, 'map.buys-from', { firm: firmName(target.supplier) })}`];
    }
    fill(this.tooltip, lines.filter(Boolean).map((line, i) => (i === 0 ? h('strong', {}, line) : h('div', {}, line))));
    this.tooltip.hidden = false;
    const px = pinned ? 12 : x + 14;
    const py = pinned ? 12 : y + 14;
    this.tooltip.style.left = `${Math.min(px, this.pane.clientWidth - 240)}px`;
    this.tooltip.style.top = `${Math.min(py, this.pane.clientHeight - 90)}px`;
  }
}
