import { afterEach, describe, expect, it } from 'vitest';
import { readLibraryGlobals } from '../../lib/collect/main-world-globals';

const g = globalThis as Record<string, unknown>;
const added: string[] = [];
function defineGlobal(name: string, descriptor: PropertyDescriptor) {
  Object.defineProperty(globalThis, name, { configurable: true, ...descriptor });
  added.push(name);
}
afterEach(() => {
  for (const name of added.splice(0)) delete g[name];
});

const probes = [
  { library: 'jquery', paths: [['jQuery', 'fn', 'jquery'], ['$', 'fn', 'jquery']] },
  { library: 'lodash', paths: [['_', 'VERSION']] },
];

describe('readLibraryGlobals', () => {
  it('reads a version kept on a prototype, as jQuery does', () => {
    function jQuery() {}
    jQuery.fn = jQuery.prototype;
    (jQuery.prototype as Record<string, unknown>).jquery = '1.12.4';
    defineGlobal('jQuery', { value: jQuery });
    expect(readLibraryGlobals(probes, 10)).toEqual([{ library: 'jquery', version: '1.12.4', path: 'jQuery.fn.jquery' }]);
  });

  it('falls back to the next path', () => {
    defineGlobal('$', { value: { fn: { jquery: '3.7.1' } } });
    expect(readLibraryGlobals(probes, 10)).toEqual([{ library: 'jquery', version: '3.7.1', path: '$.fn.jquery' }]);
  });

  it('never runs a getter of the page', () => {
    let ran = false;
    defineGlobal('_', { get() { ran = true; return { VERSION: '4.17.21' }; } });
    defineGlobal('jQuery', { value: { fn: Object.defineProperty({}, 'jquery', { get() { ran = true; return '9.9.9'; } }) } });
    expect(readLibraryGlobals(probes, 10)).toEqual([]);
    expect(ran).toBe(false);
  });

  it('survives a proxy whose traps throw', () => {
    const hostile = new Proxy({}, { getOwnPropertyDescriptor() { throw new Error('no'); }, getPrototypeOf() { throw new Error('no'); } });
    defineGlobal('jQuery', { value: hostile });
    defineGlobal('_', { value: { VERSION: '4.17.21' } });
    expect(readLibraryGlobals(probes, 10)).toEqual([{ library: 'lodash', version: '4.17.21', path: '_.VERSION' }]);
  });

  it('refuses versions that are not plain version text', () => {
    defineGlobal('_', { value: { VERSION: '<img src=x onerror=alert(1)>' } });
    defineGlobal('jQuery', { value: { fn: { jquery: 'x'.repeat(500) } } });
    expect(readLibraryGlobals(probes, 10)).toEqual([]);
  });

  it('keeps the version of a slim build, cut to 64 characters', () => {
    const slim = '3.4.1 -ajax,-ajax/jsonp,-ajax/load,-ajax/parseXML,-ajax/script,-ajax/var/location,-effects';
    defineGlobal('jQuery', { value: { fn: { jquery: slim } } });
    expect(readLibraryGlobals(probes, 10)).toEqual([{ library: 'jquery', version: slim.slice(0, 64), path: 'jQuery.fn.jquery' }]);
  });

  it('stops at the result bound', () => {
    defineGlobal('_', { value: { VERSION: '4.17.21' } });
    defineGlobal('jQuery', { value: { fn: { jquery: '3.7.1' } } });
    expect(readLibraryGlobals(probes, 1)).toHaveLength(1);
  });

  it('ignores a self-referencing prototype chain without looping', () => {
    const looping = Object.create(null);
    defineGlobal('jQuery', { value: new Proxy(looping, { getPrototypeOf: () => looping }) });
    expect(readLibraryGlobals(probes, 10)).toEqual([]);
  });
});
