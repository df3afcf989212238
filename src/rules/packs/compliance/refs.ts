/** Element references for the compliance packs' findings and controls. */
import type { Component, ElementRef, Link } from '../../../model/design.js';

export const componentRef = (c: Component): ElementRef => ({ kind: 'component', id: c.id });
export const linkRef = (l: Link): ElementRef => ({ kind: 'link', id: l.id });
export const dataRef = (id: string): ElementRef => ({ kind: 'data', id });
