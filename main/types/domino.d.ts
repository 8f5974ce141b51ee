// @mixmark-io/domino ships no types, and the node tsconfig has no DOM lib (so main code cannot
// reach for `window`). These are the few DOM members the paper import uses.
declare module '@mixmark-io/domino' {
  export type DomElement = {
    nodeName: string;
    parentNode: DomElement | null;
    firstChild: DomElement | null;
    children: ArrayLike<DomElement>;
    childNodes: ArrayLike<DomElement>;
    textContent: string | null;
    previousElementSibling: DomElement | null;
    nextElementSibling: DomElement | null;
    getAttribute(name: string): string | null;
    setAttribute(name: string, value: string): void;
    removeAttribute(name: string): void;
    appendChild(child: DomElement): DomElement;
    removeChild(child: DomElement): DomElement;
    replaceChild(next: DomElement, old: DomElement): DomElement;
    insertBefore(node: DomElement, ref: DomElement | null): DomElement;
    querySelectorAll(selector: string): ArrayLike<DomElement>;
  };
  export type DomDocument = DomElement & { body: DomElement; createElement(tag: string): DomElement; createTextNode(text: string): DomElement };
  export const createDocument: (html?: string, force?: boolean) => DomDocument;
}
declare module 'turndown-plugin-gfm' {
  import type TurndownService from 'turndown';
  export const gfm: TurndownService.Plugin;
}
