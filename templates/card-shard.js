/*
 * The first part of the customer card, written into the page's head: which shard holds an ID (the CRC-32 of
 * its first 32 UTF-8 bytes modulo the number of shards, as salesboard.site.card_json computes it), and
 * the shard of the card asked for loaded at once, while the page's styles and card.js are still on their
 * way. A shard's script hands its records to window.salesboardCards, which keeps them until card.js
 * takes over (card.js then replaces it).
 */
'use strict';

window.salesboardShards = (function () {
  const SHARD_KEY_BYTES = 32;
  const script = document.currentScript;
  const count = Math.max(1, Number(script && script.dataset.shards) || 1);
  const queued = [];  // the arguments of each shard that arrived before card.js
  const requested = new Map();  // shard number → what to call when its script fails to load

  window.salesboardCards = function (...args) {
    queued.push(args);
  };

  const CRC_TABLE = (() => {
    const table = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) {
        c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      }
      table[n] = c >>> 0;
    }
    return table;
  })();

  function shardOf(id) {
    let crc = 0xffffffff;
    for (const byte of new TextEncoder().encode(id).subarray(0, SHARD_KEY_BYTES)) {
      crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
    }
    return ((crc ^ 0xffffffff) >>> 0) % count;
  }

  function hashId() {
    for (const part of window.location.hash.replace(/^#/, '').split('&')) {
      if (part.startsWith('id=')) {
        try {
          return decodeURIComponent(part.slice(3).replace(/\+/g, '%20'));
        } catch (error) {
          return part.slice(3);
        }
      }
    }
    return null;
  }

  // Loads a shard's script once; `failed` is called when it cannot be loaded (a later call tries again).
  function load(number, failed) {
    if (requested.has(number)) {
      requested.get(number).push(failed);
      return;
    }
    const callbacks = [failed];
    requested.set(number, callbacks);
    const element = document.createElement('script');
    element.src = 'cards/' + number + '.js';
    element.onerror = () => {
      requested.delete(number);
      element.remove();
      callbacks.forEach((callback) => callback());
    };
    document.head.appendChild(element);
  }

  const asked = hashId();
  if (asked) {
    load(shardOf(asked), () => {});
  }
  return { shardOf, hashId, load, queued };
}());
