"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { Engine, handler, MESSAGE } = require("../../docs/assets/javascripts/search/worker.js");
const { settings, DOCS } = require("./settings.cjs");

function searched(engine, query) {
  let answer;
  engine.search(query, (data) => { answer = data; });
  return answer;
}

test("answers Material's messages: setup, then queries", () => {
  const replies = [];
  const handle = handler(new Engine(settings()), (reply) => replies.push(reply));
  handle({ type: MESSAGE.SETUP, data: { docs: DOCS } });
  assert.deepStrictEqual(replies.shift(), { type: MESSAGE.READY });
  handle({ type: MESSAGE.QUERY, data: "食宿" });
  const answer = replies.shift();
  assert.strictEqual(answer.type, MESSAGE.RESULT);
  assert.ok(answer.data.items.length > 0);
  handle({ type: 99 });
  assert.deepStrictEqual(replies, []);
});

test("while a query's files load, only the latest query is answered", () => {
  const pending = [];
  const index = new (require("../../docs/assets/javascripts/search/rank.js").Index)(settings());
  index.add(DOCS);
  const later = { add: () => {}, known: index.known, inside: index.inside, postings: index.postings,
    inTexts: index.inTexts, containing: (s) => index.containing(s), near: (w) => index.near(w),
    rank: (concepts, done) => pending.push(() => index.rank(concepts, done)) };
  const replies = [];
  const handle = handler(new Engine(settings(), later), (reply) => replies.push(reply));
  handle({ type: MESSAGE.QUERY, data: "食宿" });
  handle({ type: MESSAGE.QUERY, data: "一岗双责" });
  pending.forEach((load) => load());
  assert.strictEqual(replies.length, 1);
  assert.match(JSON.stringify(replies[0].data), /一岗双责/);
});

test("pasting thousands of characters is cut, answered fast and bounded", () => {
  const engine = new Engine(settings());
  engine.setup(DOCS);
  const start = process.hrtime.bigint();
  const answer = searched(engine, "挂职干部要履行一岗双责".repeat(300));
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  assert.ok(ms < 300, `${ms} ms`);
  assert.strictEqual(answer.cut, 64);
  const terms = answer.items.flat().map((item) => Object.keys(item.terms).length);
  assert.ok(Math.max(...terms) <= 24, terms);
});

test("an empty query or only question words gives no error", () => {
  const engine = new Engine(settings());
  engine.setup(DOCS);
  assert.deepStrictEqual(searched(engine, "   "), { items: [] });
});
