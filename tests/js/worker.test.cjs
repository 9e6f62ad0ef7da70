"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { Engine, handler, MESSAGE } = require("../../docs/assets/javascripts/search/worker.js");
const { settings, DOCS } = require("./settings.cjs");

test("answers Material's messages: setup, then queries", () => {
  const handle = handler(new Engine(settings()));
  assert.deepStrictEqual(handle({ type: MESSAGE.SETUP, data: { docs: DOCS } }), { type: MESSAGE.READY });
  const answer = handle({ type: MESSAGE.QUERY, data: "食宿" });
  assert.strictEqual(answer.type, MESSAGE.RESULT);
  assert.ok(answer.data.items.length > 0);
  assert.strictEqual(handle({ type: 99 }), null);
});

test("pasting thousands of characters is cut, answered fast and bounded", () => {
  const engine = new Engine(settings());
  engine.setup(DOCS);
  const start = process.hrtime.bigint();
  const answer = engine.search("挂职干部要履行一岗双责".repeat(300));
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  assert.ok(ms < 300, `${ms} ms`);
  assert.strictEqual(answer.cut, 64);
  const terms = answer.items.flat().map((item) => Object.keys(item.terms).length);
  assert.ok(Math.max(...terms) <= 24, terms);
});

test("an empty query or only question words gives no error", () => {
  const engine = new Engine(settings());
  engine.setup(DOCS);
  assert.deepStrictEqual(engine.search("   "), { items: [] });
});
