// The other scenarios on the transparency page (issue 13): quadratic matching rounds, group purchases and parametric
// disaster plans — home-page sections and their pages #/round/0x…[/offset], #/group/0x…[/offset], #/parametric/0x…[/offset].
// Loaded after app.js, whose helpers it uses (T, t, esc, money, when, short, table, memberLink, txCell, api); every
// figure is the API's (/api/rounds, /api/groups, /api/parametric), which are the contracts' views as indexed. Statuses
// that depend on the clock (a deadline passed, a window open) are judged at the last indexed block's time (asOf).
"use strict";

Object.assign(T.en, {
  rounds: "Quadratic matching rounds (配捐轮次)", noRounds: "No matching rounds indexed yet.", roundTitle: "Matching round", sponsor: "Sponsor",
  pool: "Matching pool", matchesPaid: "Matches paid", reclaimed: "Reclaimed by the sponsor", admitted: "Campaigns admitted", window: "Donations count",
  claimWindowEnds: "Matches payable until", totalSquares: "Σ over campaigns of (Σ√c)²", roundState: "State",
  roundStates: {UPCOMING: "not started", OPEN: "open for donations", MATCHING: "paying matches", CLOSED: "closed"},
  roundCampaigns: "Admitted campaigns and their matches", sumSqrt: "Σ√c", square: "(Σ√c)²", shareOfPool: "Share of the pool",
  matchAmount: "Match", matchPaid: "paid", matchExpected: "if the round ended now", fundings: "Pool funding", funder: "Funder", poolAfter: "Pool after",
  groups: "Group purchases (共享经济)", noGroups: "No group purchases indexed yet.", groupTitle: "Group purchase", seller: "Seller", price: "Price",
  sharePrice: "Share price", shares: "Shares", totalShares: "Total shares", pledgedShares: "Shares pledged", groupState: "Status",
  groupStates: {PLEDGING: "pledging", FUNDED: "funded", EXPIRED: "expired: pledges refundable"},
  sharesText: (p, n, pc) => `${p} of ${n} shares pledged (${pc}%)`, fundedOn: "Funded on", held: "Held in escrow", sellerPaid: "Seller paid",
  sellerPaidYes: "yes: the seller withdrew the price", sellerPaidNo: "not yet", itemHash: "Item description hash",
  coOwners: "Co-owners and their shares", account: "Account", shareOf: "Share", credit: "Credit to withdraw", withdrawn: "Withdrawn",
  offers: "Standing offers", buyer: "Buyer", bookings: "Booked usage slots", slot: "Slot", season: "Season", owner: "Co-owner",
  bookedOn: "Booked on", pledges: "Pledges", participant: "Participant", pledgedAfter: "Pledged after", sales: "Shares sold", noneYet: "None yet.",
  parametricPlans: "Parametric disaster plans (灾难救助)", noParametric: "No parametric plans indexed yet.", parametricTitle: "Parametric plan",
  oracle: "Oracle signer", payout: "Preset payout", credited: "Credited, not yet withdrawn", contributions: "Cover bought", gifts: "Gifts to the reserve",
  paidOut: "Claims paid", attestationsCount: "Attestations", claimsCount: "Claims", regions: "Regions", region: "Region", regionMembers: "Members",
  attestations: "Attestations and their payout windows", eventId: "Event", severity: "Severity", eventTime: "Event time", windowEnds: "Window ends",
  windowOpen: "window open", windowClosed: "window closed", postedBy: "posted by", coveredMembers: "members covered then",
  attestationText: (k, paid, n) => `${k} claim(s) paid (${paid}) of ${n} member(s) covered at the event's time`,
  noAttestations: "No attestation posted yet.", memberIndex: "No.", coveredFrom: "Covered from", coveredUntil: "Covered until",
  claimed: "Claimed", claimsPaid: "Claims paid", reserveHolds: "The reserve holds", payoutsHeld: (n) => `${n} preset payout(s)`,
  slotLength: "Usage slot", slotsPerSeason: "Slots per season", slotStarts: "Slot starts", coverPrice: "Cover per period",
  claimWindow: "Claim window", minSeverity: "Least severity", maxPeriods: "Most periods bought at once",
});
Object.assign(T.zh, {
  rounds: "配捐轮次", noRounds: "尚未索引到任何配捐轮次。", roundTitle: "配捐轮次", sponsor: "出资方",
  pool: "配捐资金池", matchesPaid: "已发放配捐", reclaimed: "出资方收回", admitted: "参与的募捐活动", window: "计入配捐的捐款时段",
  claimWindowEnds: "配捐可领取至", totalSquares: "各活动 (Σ√c)² 之和", roundState: "状态",
  roundStates: {UPCOMING: "未开始", OPEN: "捐款计入中", MATCHING: "发放配捐中", CLOSED: "已结束"},
  roundCampaigns: "参与的募捐活动及其配捐", sumSqrt: "Σ√c", square: "(Σ√c)²", shareOfPool: "占资金池比例",
  matchAmount: "配捐", matchPaid: "已发放", matchExpected: "按当前计算", fundings: "资金池注资", funder: "注资人", poolAfter: "注资后资金池",
  groups: "共享经济：团购", noGroups: "尚未索引到任何团购。", groupTitle: "团购", seller: "卖方", price: "总价",
  sharePrice: "每份价格", shares: "份额", totalShares: "总份数", pledgedShares: "已认购份数", groupState: "状态",
  groupStates: {PLEDGING: "认购中", FUNDED: "已成团", EXPIRED: "已过期：认购款可退"},
  sharesText: (p, n, pc) => `已认购 ${p} / ${n} 份（${pc}%）`, fundedOn: "成团时间", held: "托管金额", sellerPaid: "卖方收款",
  sellerPaidYes: "是：卖方已提取全部价款", sellerPaidNo: "尚未提取", itemHash: "物品说明哈希",
  coOwners: "共有人及其份额", account: "账户", shareOf: "占比", credit: "可提取金额", withdrawn: "已提取",
  offers: "待成交的转让报价", buyer: "买方", bookings: "已预约的使用时段", slot: "时段", season: "季", owner: "共有人",
  bookedOn: "预约时间", pledges: "认购记录", participant: "认购人", pledgedAfter: "认购后累计", sales: "份额转让", noneYet: "暂无。",
  parametricPlans: "参数化灾害救助计划", noParametric: "尚未索引到任何参数化计划。", parametricTitle: "参数化计划",
  oracle: "预言机签名人", payout: "预设赔付额", credited: "已记入待提取", contributions: "已购保障", gifts: "资金池捐赠",
  paidOut: "已赔付", attestationsCount: "灾害证明", claimsCount: "赔付笔数", regions: "地区", region: "地区", regionMembers: "成员数",
  attestations: "灾害证明及其赔付窗口", eventId: "事件", severity: "严重程度", eventTime: "发生时间", windowEnds: "窗口截止",
  windowOpen: "窗口开放中", windowClosed: "窗口已关闭", postedBy: "提交人", coveredMembers: "当时受保障的成员",
  attestationText: (k, paid, n) => `已赔付 ${k} 笔（${paid}），事件发生时受保障的成员 ${n} 名`,
  noAttestations: "尚无灾害证明。", memberIndex: "序号", coveredFrom: "保障开始", coveredUntil: "保障截止",
  claimed: "已领取", claimsPaid: "赔付记录", reserveHolds: "资金池可支付", payoutsHeld: (n) => `${n} 笔预设赔付`,
  slotLength: "使用时段长度", slotsPerSeason: "每季时段数", slotStarts: "时段开始", coverPrice: "每期保障费用",
  claimWindow: "赔付窗口", minSeverity: "最低严重程度", maxPeriods: "单次最多购买期数",
});

// the token of a round / purchase / plan for money(): decimals and symbol when known, else its address (base units)
const stok = (x) => ({tokenDecimals: x.tokenDecimals, tokenSymbol: x.tokenSymbol || x.token});
const roundLink = (a) => `<a class="addr" href="#/round/${esc(a)}" title="${esc(a)}">${esc(short(a))}</a>`;
const groupLink = (a) => `<a class="addr" href="#/group/${esc(a)}" title="${esc(a)}">${esc(short(a))}</a>`;
const parametricLink = (a) => `<a class="addr" href="#/parametric/${esc(a)}" title="${esc(a)}">${esc(short(a))}</a>`;
const scenarioState = (kind, s) => `<span class="scenario-state state-${esc(s.toLowerCase())}" data-state="${esc(s)}">${esc(t(kind)[s] || s)}</span>`;
const num = (n) => esc(group(String(n == null ? 0 : n)));
// a / b in whole percent, exact (BigInt), at most 100
function percentOf(a, b) {
  const d = BigInt(b || "0");
  if (d <= 0n) return 0;
  const p = BigInt(a || "0") * 100n / d;
  return Number(p > 100n ? 100n : p);
}
// a bar with its text: value/max in percent, for screen readers too
function shareBar(p, text) {
  return `<span class="campaign-progress"><progress class="progress" max="100" value="${p}" aria-valuenow="${p}" aria-valuemin="0" aria-valuemax="100"
    aria-label="${esc(text)}">${p}%</progress> <span class="progress-text">${esc(text)}</span></span>`;
}
// a page of a list (limit/offset) with newer/older links
function pagerOf(page, base, offset, size) {
  if (page.total <= size) return "";
  return `<p class="pager">${offset > 0 ? `<a href="${base}/${Math.max(0, offset - size)}">${esc(t("newer"))}</a> ` : ""}`
    + `<span>${esc(t("pageOf")(Math.min(offset + 1, page.total), Math.min(offset + page.items.length, page.total), page.total))}</span>`
    + `${offset + size < page.total ? ` <a href="${base}/${offset + size}">${esc(t("older"))}</a>` : ""}</p>`;
}
const figures = (id, pairs) => `<dl id="${id}">${pairs.map(([k, v, cls]) => `<dt>${esc(t(k))}</dt><dd${cls ? ` class="${cls}"` : ""}>${v}</dd>`).join("")}</dl>`;
const PAGE = 20;

// ------------------------------------------------------------------ matching rounds

function roundsSection(list) {
  return `<section id="rounds">` + table(t("rounds"), [
    {h: "roundTitle", f: (r) => roundLink(r.address)}, {h: "sponsor", f: (r) => memberLink(r.sponsor)},
    {h: "pool", num: true, f: (r) => `<span class="pool">${money(r.pool, stok(r))}</span>`},
    {h: "matchesPaid", num: true, f: (r) => `<span class="paid">${money(r.paid, stok(r))}</span>`},
    {h: "admitted", num: true, f: (r) => num(r.admitted)},
    {h: "window", f: (r) => esc(when(r.startsAt)) + " – " + esc(when(r.endsAt))},
    {h: "roundState", f: (r) => scenarioState("roundStates", r.state)},
  ], list.items, t("noRounds")) + `</section>`;
}

async function roundPage(main, address, offset) {
  const r = await api("/api/rounds/" + encodeURIComponent(address) + "?limit=" + PAGE + "&offset=" + offset);
  const tok = stok(r);
  main.innerHTML = `<h2>${esc(t("roundTitle"))} <span class="addr">${esc(r.address)}</span></h2>`
    + figures("round-figures", [
      ["roundState", scenarioState("roundStates", r.state), "round-state"], ["sponsor", memberLink(r.sponsor)],
      ["pool", money(r.pool, tok), "pool"], ["matchesPaid", money(r.paid, tok), "paid"], ["reclaimed", money(r.reclaimed, tok), "reclaimed"],
      ["totalSquares", `<span class="addr">${esc(r.totalSquares)}</span>`, "total-squares"],
      ["window", esc(when(r.startsAt)) + " – " + esc(when(r.endsAt))], ["claimWindowEnds", esc(when(r.claimWindowEnds))],
      ["token", `<span class="addr">${esc(r.token)}</span>`], ["created", `${esc(r.createdBlock)} (${esc(when(r.createdTime))})`]])
    + `<div id="round-campaigns">` + table(t("roundCampaigns"), [
      {h: "campaign", f: (k) => `<a class="addr" href="#/campaign/${esc(k.campaign)}" title="${esc(k.campaign)}" data-campaign="${esc(k.campaign)}">${esc(short(k.campaign))}</a>`},
      {h: "sumSqrt", num: true, f: (k) => `<span class="addr">${esc(k.sumSqrt)}</span>`},
      {h: "shareOfPool", num: true, f: (k) => esc(percentOf(k.square, r.totalSquares)) + "%"},
      {h: "matchAmount", num: true, f: (k) => k.paid
        ? `<span class="match" data-paid="true" data-amount="${esc(k.matchPaid)}">${money(k.matchPaid, tok)}</span> · ${esc(t("matchPaid"))}`
        : `<span class="match" data-paid="false" data-amount="${esc(k.matchOf)}">${money(k.matchOf, tok)}</span> · ${esc(t("matchExpected"))}`},
      {h: "when", f: (k) => k.paid ? esc(when(k.paidTime)) + " · " + txCell(k.paidTx) : "—"},
    ], r.campaigns, t("noneYet")) + `</div>`
    + table(t("fundings"), [
      {h: "when", f: (x) => esc(when(x.blockTime))}, {h: "funder", f: (x) => memberLink(x.funder)},
      {h: "amount", num: true, f: (x) => money(x.amount, tok)}, {h: "poolAfter", num: true, f: (x) => money(x.poolAfter, tok)},
      {h: "tx", f: (x) => txCell(x.txHash)},
    ], r.fundings.items, t("noneYet")) + pagerOf(r.fundings, "#/round/" + esc(r.address), offset, PAGE);
}

// ------------------------------------------------------------------ group purchases

const groupPercent = (g) => percentOf(g.pledgedShares, g.totalShares);
const groupBar = (g) => shareBar(groupPercent(g), t("sharesText")(g.pledgedShares, g.totalShares, groupPercent(g)));

function groupsSection(list) {
  return `<section id="groups">` + table(t("groups"), [
    {h: "groupTitle", f: (g) => groupLink(g.address)}, {h: "seller", f: (g) => memberLink(g.seller)},
    {h: "price", num: true, f: (g) => money(g.price, stok(g))}, {h: "pledgedShares", f: groupBar},
    {h: "deadline", f: (g) => esc(when(g.deadline))}, {h: "groupState", f: (g) => scenarioState("groupStates", g.status)},
  ], list.items, t("noGroups")) + `</section>`;
}

async function groupPage(main, address, offset) {
  const g = await api("/api/groups/" + encodeURIComponent(address) + "?limit=" + PAGE + "&offset=" + offset);
  const tok = stok(g);
  const base = "#/group/" + esc(g.address);
  const owners = g.accounts.filter((a) => Number(a.shares) > 0 || a.credit !== "0");
  main.innerHTML = `<h2>${esc(t("groupTitle"))} <span class="addr">${esc(g.address)}</span></h2>
    <p id="group-progress">${groupBar(g)}</p>`
    + figures("group-figures", [
      ["groupState", scenarioState("groupStates", g.status), "group-state"], ["seller", memberLink(g.seller)], ["creator", memberLink(g.creator)],
      ["price", money(g.price, tok), "price"], ["sharePrice", money(g.sharePrice, tok), "share-price"], ["totalShares", num(g.totalShares), "total-shares"],
      ["pledgedShares", num(g.pledgedShares), "pledged-shares"], ["deadline", esc(when(g.deadline))],
      ["slotLength", esc(duration(g.slotLength)), "slot-length"], ["slotsPerSeason", g.slotsPerSeason == null ? "—" : num(g.slotsPerSeason), "slots-per-season"],
      ["fundedOn", g.fundedAt ? esc(when(g.fundedAt)) : "—"], ["held", money(g.held, tok), "held"],
      ["sellerPaid", esc(t(g.sellerPaid ? "sellerPaidYes" : "sellerPaidNo")), "seller-paid"], ["refunded", money(g.refunded, tok), "refunded"],
      ["itemHash", `<span class="addr">${esc(g.itemHash)}</span>`], ["token", `<span class="addr">${esc(g.token)}</span>`],
      ["created", `${esc(g.createdBlock)} (${esc(when(g.createdTime))})`]])
    + `<div id="group-owners">` + table(t("coOwners"), [
      {h: "account", f: (a) => `<span data-account="${esc(a.account)}" data-shares="${esc(a.shares)}">${memberLink(a.account)}</span>`},
      {h: "shares", num: true, f: (a) => num(a.shares)}, {h: "shareOf", num: true, f: (a) => esc(percentOf(a.shares, g.totalShares)) + "%"},
      {h: "credit", num: true, f: (a) => money(a.credit, tok)}, {h: "withdrawn", num: true, f: (a) => money(a.withdrawn, tok)},
    ], owners, t("noneYet")) + `</div>`
    + `<div id="group-bookings">` + table(t("bookings"), [
      {h: "slot", num: true, f: (b) => `<span data-slot="${esc(b.slot)}" data-owner="${esc(b.owner)}">#${esc(b.slot)}</span>`},
      {h: "season", num: true, f: (b) => esc(b.season)}, {h: "owner", f: (b) => memberLink(b.owner)},
      // slot k runs from the funding time + k slot lengths (GroupPurchase.book)
      {h: "slotStarts", f: (b) => g.fundedAt && g.slotLength ? esc(when(Number(g.fundedAt) + Number(b.slot) * Number(g.slotLength))) : "—"},
      {h: "bookedOn", f: (b) => esc(when(b.blockTime))}, {h: "tx", f: (b) => txCell(b.txHash)},
    ], g.bookings.items, t("noneYet")) + `</div>`
    + `<div id="group-offers">` + table(t("offers"), [
      {h: "seller", f: (o) => memberLink(o.seller)}, {h: "buyer", f: (o) => memberLink(o.buyer)},
      {h: "shares", num: true, f: (o) => num(o.shares)}, {h: "price", num: true, f: (o) => money(o.price, tok)},
    ], g.offers, t("noneYet")) + `</div>`
    + table(t("pledges"), [
      {h: "when", f: (x) => esc(when(x.blockTime))}, {h: "participant", f: (x) => memberLink(x.participant)},
      {h: "shares", num: true, f: (x) => num(x.shares)}, {h: "amount", num: true, f: (x) => money(x.amount, tok)},
      {h: "pledgedAfter", num: true, f: (x) => num(x.pledgedAfter)}, {h: "tx", f: (x) => txCell(x.txHash)},
    ], g.pledges.items, t("noneYet"))
    + table(t("sales"), [
      {h: "when", f: (x) => esc(when(x.blockTime))}, {h: "seller", f: (x) => memberLink(x.seller)}, {h: "buyer", f: (x) => memberLink(x.buyer)},
      {h: "shares", num: true, f: (x) => num(x.shares)}, {h: "price", num: true, f: (x) => money(x.price, tok)}, {h: "tx", f: (x) => txCell(x.txHash)},
    ], g.sales.items, t("noneYet"))
    + pagerOf({total: Math.max(g.bookings.total, g.pledges.total, g.sales.total), items: g.pledges.items}, base, offset, PAGE);
}

// ------------------------------------------------------------------ parametric plans

function parametricSection(list) {
  return `<section id="parametric">` + table(t("parametricPlans"), [
    {h: "parametricTitle", f: (p) => parametricLink(p.address)}, {h: "oracle", f: (p) => memberLink(p.oracle)},
    {h: "payout", num: true, f: (p) => money(p.payout, stok(p))}, {h: "reserve", num: true, f: (p) => `<span class="reserve">${money(p.reserve, stok(p))}</span>`},
    {h: "members", num: true, f: (p) => num(p.members)}, {h: "attestationsCount", num: true, f: (p) => num(p.attestations)},
    {h: "claimsCount", num: true, f: (p) => num(p.claims)},
  ], list.items, t("noParametric")) + `</section>`;
}

async function parametricPage(main, address, offset) {
  const p = await api("/api/parametric/" + encodeURIComponent(address) + "?limit=" + PAGE + "&offset=" + offset);
  const tok = stok(p);
  main.innerHTML = `<h2>${esc(t("parametricTitle"))} <span class="addr">${esc(p.address)}</span></h2>`
    + figures("parametric-figures", [
      ["oracle", memberLink(p.oracle)], ["coverPrice", p.contribution == null ? "—" : money(p.contribution, tok), "cover-price"],
      ["period", esc(duration(p.periodSeconds)), "period"], ["waiting", esc(duration(p.waitingSeconds))], ["claimWindow", esc(duration(p.windowSeconds))],
      ["minSeverity", p.minSeverity == null ? "—" : esc(p.minSeverity)], ["maxPeriods", p.maxPeriods == null ? "—" : esc(p.maxPeriods)],
      ["payout", money(p.payout, tok), "payout"], ["reserve", money(p.reserve, tok), "reserve"],
      ["reserveHolds", esc(t("payoutsHeld")(BigInt(p.payout) > 0n ? String(BigInt(p.reserve) / BigInt(p.payout)) : "0")), "payouts-held"],
      ["credited", money(p.credited, tok), "credited"], ["members", num(p.members), "members"], ["contributions", money(p.contributions, tok)],
      ["gifts", money(p.gifts, tok)], ["paidOut", money(p.paidTotal, tok), "paid-total"], ["withdrawn", money(p.withdrawn, tok)],
      ["creator", memberLink(p.creator)], ["token", `<span class="addr">${esc(p.token)}</span>`],
      ["created", `${esc(p.createdBlock)} (${esc(when(p.createdTime))})`]])
    + table(t("regions"), [{h: "region", f: (r) => `<span data-region="${esc(r.region)}">${esc(r.region)}</span>`},
      {h: "regionMembers", num: true, f: (r) => num(r.members)}], p.regions, t("noneYet"))
    + `<h3>${esc(t("attestations"))}</h3>`
    + (p.attestations.length ? `<ol id="attestations" class="timeline">${p.attestations.map((a) => `<li class="attestation" data-event="${esc(a.eventId)}"
        data-region="${esc(a.region)}" data-open="${a.open}" data-claims="${esc(a.claims)}">
      <strong>${esc(t("eventId"))} #${esc(a.eventId)}</strong> · ${esc(t("region"))} ${esc(a.region)} · ${esc(t("severity"))} ${esc(a.severity)}
      · <span class="window-state ${a.open ? "window-open" : "window-closed"}">${esc(t(a.open ? "windowOpen" : "windowClosed"))}</span>
      <br>${esc(t("eventTime"))}: ${esc(when(a.eventTime))} · ${esc(t("windowEnds"))}: ${esc(when(a.windowEnd))}
      <br><span class="attestation-claims">${esc(t("attestationText")(a.claims, "\u0000", a.coveredMembers)).replace("\u0000", money(a.paid, tok))}</span>
      <br><small>${esc(t("postedBy"))} ${memberLink(a.poster)} · ${txCell(a.txHash)}</small></li>`).join("")}</ol>`
      : `<p id="attestations">${esc(t("noAttestations"))}</p>`)
    + `<div id="parametric-members">` + table(t("members"), [
      {h: "memberIndex", num: true, f: (m) => esc(m.memberIndex)},
      {h: "member", f: (m) => `<span data-member="${esc(m.member)}" data-credit="${esc(m.credit)}">${memberLink(m.member)}</span>`},
      {h: "region", num: true, f: (m) => esc(m.region)}, {h: "coveredFrom", f: (m) => esc(when(m.coveredFrom))},
      {h: "coveredUntil", f: (m) => esc(when(m.coveredUntil))}, {h: "claimed", num: true, f: (m) => money(m.claimed, tok)},
      {h: "credit", num: true, f: (m) => money(m.credit, tok)},
    ], p.memberList.items, t("noneYet")) + `</div>`
    + table(t("claimsPaid"), [
      {h: "when", f: (x) => esc(when(x.blockTime))}, {h: "eventId", num: true, f: (x) => "#" + esc(x.eventId)}, {h: "region", num: true, f: (x) => esc(x.region)},
      {h: "member", f: (x) => memberLink(x.member)}, {h: "amount", num: true, f: (x) => money(x.amount, tok)}, {h: "tx", f: (x) => txCell(x.txHash)},
    ], p.claimsPaid.items, t("noneYet"))
    + pagerOf({total: Math.max(p.memberList.total, p.claimsPaid.total), items: p.claimsPaid.items.length > p.memberList.items.length ? p.claimsPaid.items : p.memberList.items},
      "#/parametric/" + esc(p.address), offset, PAGE);
}

SCENARIO_ROUTES.round = roundPage;
SCENARIO_ROUTES.group = groupPage;
SCENARIO_ROUTES.parametric = parametricPage;
HOME_SECTIONS.push(async () => roundsSection(await api("/api/rounds?limit=50")),
  async () => groupsSection(await api("/api/groups?limit=50")),
  async () => parametricSection(await api("/api/parametric?limit=50")));
