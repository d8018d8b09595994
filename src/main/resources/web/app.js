// Huzhu transparency page: plain JavaScript, no framework. Routes: #/  #/plan/0x…  #/member/0x…  #/claim/0x…/ID  #/campaign/0x…[/offset]  #/payouts
// (and scenarios.js: #/round/0x…  #/group/0x…[/offset]  #/parametric/0x…[/offset])
"use strict";

const T = {
  en: {
    skip: "Skip to content", title: "Huzhu 互助 · open mutual aid", navPlans: "Plans", navPayouts: "Payouts",
    lookupLabel: "Member records by address", lookupGo: "Show", loading: "Loading…",
    footer: "Every figure on this page comes from events on chain, indexed by huzhu index. Amounts in each plan's own token, with its decimals.",
    langButton: "中文", langLabel: "切换到中文 / switch to Chinese", onExplorer: "open in the block explorer",
    sync: (s) => `Chain ${s.chainId}: head block ${s.headBlock}, indexed to ${s.indexedBlock}, lag ${s.lag} block(s) — ${({synced: "in sync", "catching up": "catching up", retrying: "retrying: " + (s.lastError || "")})[s.state] || s.state}`,
    syncNone: "Indexer not started yet",
    plans: "Plans (互助计划) compared", plan: "Plan", category: "Category", fee: "Service fee", contribution: "Contribution",
    reserve: "Reserve", members: "Members", approval: "Approval ratio", timeToPay: "Time to pay", rating: "Rating",
    noPlans: "No plans indexed yet.", sortBy: "Sort by",
    statPlans: "plans", statMembers: "active members", statClaims: "claims", statPaid: "claims paid", statPaidTotal: "paid out", statReserve: "in reserves",
    feed: "Live payout feed", feedNone: "No payouts yet.", when: "When", block: "Block", claim: "Claim", recipient: "Recipient", amount: "Amount", tx: "Transaction",
    rules: "Rules", asset: "Asset", period: "Period", waiting: "Waiting period", maxPayout: "Max payout per claim", quorum: "Assessor quorum",
    assessors: "Assessors", rulesHash: "Rules document hash", rulesText: "Rules document", reviews: "Reviews", reviewText: "Review", docLoading: "loading…",
    docMissing: "not in this server's document store", docVerified: "verified: its sha2-256 is the hash on chain", docMismatch: "REFUSED: does not match the hash on chain", creator: "Creator", created: "Created in block",
    claims: "Claims and their states", claimant: "Claimant", status: "Status", votes: "Votes (yes/no)", submitted: "Submitted", paid: "Paid",
    memberList: "Members", member: "Member", balance: "Balance", contributed: "Contributed", joined: "Joined",
    payouts: "Payouts", noClaims: "No claims.", noRows: "None.",
    records: "Records of", memberships: "Memberships", deposits: "Deposits and withdrawals", contributions: "Contributions (互助金)",
    kind: "Kind", myClaims: "Claims", myPayouts: "Payouts received", myVotes: "Votes cast", points: "Points", pointsTotal: "Points total",
    ratings: "Ratings given", score: "Score", ratingsTitle: "Ratings", publicRating: "Public rating (signed by members)",
    anonymousRating: "Anonymous rating (zero-knowledge proof of membership)", anonymousRegistered: "Members registered for anonymous rating",
    anonymousRatings: "Anonymous ratings", noAnonymousRatings: "No anonymous ratings yet.", review: "Review (hash)", challenges: "Challenges", role: "Role", vote: "Vote", yes: "approve", no: "reject",
    paidAmount: "Paid", owedAmount: "Owed", paidOn: "Paid on", jury: "Jury", owedTotal: "Still owed to claimants",
    owedClaims: (n) => `${n} claim(s) waiting, paid first in first out`, juryPanel: "Jury panel",
    juryPanelText: (n, q) => `${n} seats, a verdict needs ${q} reveals`,
    juryText: (c) => `${c.kind}, round ${c.juryRound}: ${c.jurySeats == null ? (c.juryOutcome ? "no panel drawn" : "panel not drawn yet") : c.jurySeats + " seats"}, ${c.juryReveals} reveal(s) (${c.juryQuorum} needed for a verdict)`,
    outcomes: {"verdict-approved": "jury approved", "verdict-denied": "jury denied", "fell-back-approved": "no verdict: the assessors' approval stands",
      "fell-back-denied": "no verdict: the assessors' decision (not approved) stands"},
    fallbacks: {"no-verdict": "no quorum after a redraw", "not-drawn": "the panel was never drawn"},
    kinds: {ESCALATED: "escalated", CHALLENGED: "challenged", APPEALED: "appealed"},
    planClosedTag: "closed", windDown: "Wind-down", planState: "State", open: "open", closedOn: (when, why) => `closed on ${when} (${why})`,
    closeReasons: {MEMBERS_VOTE: "members' vote", BELOW_FLOOR: "covered members below the floor", CREATOR: "closed by its creator before anyone joined"},
    closeVotes: "Votes to close", closeVotesText: (v, r) => `${v} in round ${r}`, memberFloor: "Member floor",
    floorText: (m, n, since) => m ? `${m} covered members; closes after ${n} period(s) below${since == null ? "" : " — below since period " + since}` : "none (never closes for lack of members)",
    exits: "Exits", exitsNotOpen: "not open yet", exitsText: (left, shares, taken) => `open: ${left} left for ${shares} member(s) still to leave (${taken} taken)`,
    exitShare: "Reserve share on leaving", pointsByPlan: "Points per plan (points of different plans are never added up)", minted: "Minted", accrued: "Accrued (events)",
    juries: "Jury seats", round: "Round", committed: "Committed", revealed: "Revealed", reward: "Reward", forfeited: "Deposit forfeited",
    baseUnits: "base units of", decimals: "decimals", decimalsUnknown: "decimals unknown (decimals() reverts)", notFound: "Not found", days: "d", hours: "h", minutes: "min",
    campaigns: "Relief campaigns (救灾募捐)", noCampaigns: "No relief campaigns indexed yet.", campaign: "Campaign", beneficiary: "Beneficiary",
    goal: "Goal", raised: "Raised", matched: "Matched", released: "Released", refunded: "Refunded", deadline: "Deadline", progress: "Progress",
    donors: "Donors", donations: "Donations", donor: "Donor", milestones: "Milestone timeline", milestone: "Milestone", evidenceHash: "Evidence hash",
    descriptionHash: "Description hash", releasedOn: "Released on", campaignState: "State", matchingRound: "Matching round", token: "Token",
    milestoneReleased: "released", milestonePending: "pending", planned: "planned",
    milestonesPending: (n, all) => n ? `${n} of ${all} milestone(s) released; the others are pending until their verifiers approve` : `no milestone released yet: all ${all} pending until their verifiers approve`,
    chainTimeNote: (w) => `State as of the last indexed block (${w})`,
    progressText: (p) => `${p}% of the goal raised`, newer: "← newer", older: "older →", pageOf: (a, b, n) => `${a}–${b} of ${n}`,
    campaignStates: {FUNDRAISING: "fundraising", FUNDED: "funded", COMPLETED: "completed", FAILED: "failed (goal missed)", CANCELLED: "cancelled"},
    categories: {MEDICAL: "medical", EDUCATION: "education", DISASTER: "disaster", SHARED_PURCHASE: "shared purchase", OTHER: "other"},
    models: {PREPAID: "prepaid", COST_SHARING: "cost sharing"},
    verdicts: {approved: "jury approved", denied: "jury denied"},
    model: "Model", bonds: "Bonds (claim / challenge)", shareCap: (x) => "≤ " + x + " share", path: "Outcome path",
    pathAssessors: (a, r) => `assessors ${a} yes / ${r} no`, pathNone: "—",
    claimOf: (id) => `Claim #${id}`, ofPlan: "of plan",
    pointsMinted: "Donor points minted", pointsMintedText: (p, n) => `${p} point(s) claimed by ${n} donor(s), in this campaign's scope only`,
    donorPoints: "Donor points per campaign (points of different campaigns are never added up)",
    schTitle: "Tranche schedule (education: paid to the institution, one tranche per term)", schInstitution: "Institution",
    schTranches: "Tranches", schTerm: "Term length", schTotal: "Granted", schReleased: (k, n) => `in ${k} of ${n} term(s)`,
    schReturned: "Returned to the reserve", schStopped: "Stopped", schNotStopped: "no", schTermN: (k) => `Term ${k}`,
    schOpens: "opens", schProof: "Proof of enrolment hash", schNone: "No tranche schedule: not an education claim, or no institution named yet.",
    schStates: {released: "released", next: "next: awaiting the assessors' approval of a proof of enrolment", waiting: "waiting", stopped: "stopped"},
    statuses: {submitted: "Submitted", approved: "Approved", rejected: "Rejected", disputed: "Disputed",
      paid: "Paid", denied: "Denied", active: "active", lapsed: "lapsed", left: "left",
      deposit: "deposit", withdrawal: "withdrawal", contribution: "contribution", share: "cost share", assessor: "assessor", juror: "juror"},
  },
  zh: {
    skip: "跳到正文", title: "互助 Huzhu · 开放互助平台", navPlans: "互助计划", navPayouts: "赔付记录",
    lookupLabel: "按地址查看成员记录", lookupGo: "查看", loading: "加载中…",
    footer: "本页所有数据均来自链上事件，由 huzhu index 索引。金额以各计划自己的代币及其小数位显示。",
    langButton: "English", langLabel: "Switch to English / 切换到英文", onExplorer: "在区块浏览器中打开",
    sync: (s) => `链 ${s.chainId}：最新区块 ${s.headBlock}，已索引至 ${s.indexedBlock}，落后 ${s.lag} 个区块 — ${({synced: "已同步", "catching up": "同步中", retrying: "重试中：" + (s.lastError || "")})[s.state] || s.state}`,
    syncNone: "索引器尚未启动",
    plans: "互助计划对比", plan: "计划", category: "类别", fee: "服务费", contribution: "互助金",
    reserve: "资金池", members: "成员", approval: "通过率", timeToPay: "赔付用时", rating: "评分",
    noPlans: "尚未索引到任何计划。", sortBy: "排序",
    statPlans: "个计划", statMembers: "名有效成员", statClaims: "笔理赔", statPaid: "笔已赔付", statPaidTotal: "已赔付金额", statReserve: "资金池总额",
    feed: "实时赔付动态", feedNone: "暂无赔付。", when: "时间", block: "区块", claim: "理赔", recipient: "收款人", amount: "金额", tx: "交易",
    rules: "规则", asset: "资产", period: "缴费周期", waiting: "等待期", maxPayout: "单笔最高赔付", quorum: "评审通过人数",
    assessors: "评审员", rulesHash: "规则文件哈希", rulesText: "规则文件", reviews: "评论", reviewText: "评论", docLoading: "加载中…",
    docMissing: "本服务器的文档库中没有", docVerified: "已验证：其 sha2-256 与链上哈希一致", docMismatch: "已拒绝：与链上哈希不符", creator: "创建者", created: "创建区块",
    claims: "理赔及其状态", claimant: "申请人", status: "状态", votes: "投票（赞成/反对）", submitted: "提交时间", paid: "赔付时间",
    memberList: "成员", member: "成员", balance: "余额", contributed: "已缴互助金", joined: "加入时间",
    payouts: "赔付", noClaims: "暂无理赔。", noRows: "无。",
    records: "成员记录：", memberships: "参加的计划", deposits: "存入与提取", contributions: "互助金缴纳",
    kind: "类型", myClaims: "理赔申请", myPayouts: "获得的赔付", myVotes: "投票记录", points: "积分", pointsTotal: "积分合计",
    ratings: "评价", score: "分数", ratingsTitle: "评价", publicRating: "公开评价（成员签名）",
    anonymousRating: "匿名评价（零知识成员证明）", anonymousRegistered: "已登记匿名评价的成员",
    anonymousRatings: "匿名评价", noAnonymousRatings: "暂无匿名评价。", review: "评价内容（哈希）", challenges: "质疑", role: "身份", vote: "投票", yes: "赞成", no: "反对",
    paidAmount: "已赔付", owedAmount: "尚欠", paidOn: "赔付时间", jury: "陪审团", owedTotal: "尚欠申请人的金额",
    owedClaims: (n) => `${n} 笔理赔待付，按先进先出顺序支付`, juryPanel: "陪审团人数",
    juryPanelText: (n, q) => `${n} 个席位，裁决需 ${q} 人揭示投票`,
    juryText: (c) => `${c.kind}，第 ${c.juryRound} 轮：${c.jurySeats == null ? (c.juryOutcome ? "未抽选陪审员" : "尚未抽选陪审员") : "已抽选 " + c.jurySeats + " 人"}，已揭示 ${c.juryReveals} 票（裁决需 ${c.juryQuorum} 票）`,
    outcomes: {"verdict-approved": "陪审团批准", "verdict-denied": "陪审团驳回", "fell-back-approved": "未形成裁决：维持评审员的批准",
      "fell-back-denied": "未形成裁决：维持评审员的决定（未批准）"},
    fallbacks: {"no-verdict": "重新抽选后仍未达法定人数", "not-drawn": "陪审团从未被抽选"},
    kinds: {ESCALATED: "超时升级", CHALLENGED: "被质疑", APPEALED: "申诉"},
    planClosedTag: "已关闭", windDown: "计划终止", planState: "状态", open: "运行中", closedOn: (when, why) => `已于 ${when} 关闭（${why}）`,
    closeReasons: {MEMBERS_VOTE: "成员投票", BELOW_FLOOR: "有效成员低于下限", CREATOR: "创建者在无人加入前关闭"},
    closeVotes: "关闭投票", closeVotesText: (v, r) => `第 ${r} 轮 ${v} 票`, memberFloor: "成员下限",
    floorText: (m, n, since) => m ? `${m} 名有效成员；低于下限 ${n} 个周期后关闭${since == null ? "" : "——自第 " + since + " 周期起低于下限"}` : "无（不会因成员不足而关闭）",
    exits: "退出分配", exitsNotOpen: "尚未开放", exitsText: (left, shares, taken) => `已开放：剩余 ${left}，待 ${shares} 名成员领取（已领取 ${taken} 份）`,
    exitShare: "退出时分得的资金池份额", pointsByPlan: "各计划积分（不同计划的积分从不相加）", minted: "已铸造", accrued: "已累计（事件）",
    juries: "陪审席位", round: "轮次", committed: "已提交", revealed: "已揭示", reward: "奖励", forfeited: "被没收的押金",
    baseUnits: "最小单位，代币", decimals: "位小数", decimalsUnknown: "小数位未知（decimals() 调用失败）", notFound: "未找到", days: "天", hours: "小时", minutes: "分钟",
    campaigns: "救灾募捐", noCampaigns: "尚未索引到任何募捐活动。", campaign: "募捐活动", beneficiary: "受助方",
    goal: "目标", raised: "已募集", matched: "配捐", released: "已拨付", refunded: "已退款", deadline: "截止时间", progress: "进度",
    donors: "捐赠人数", donations: "捐赠记录", donor: "捐赠人", milestones: "里程碑进度", milestone: "里程碑", evidenceHash: "凭证哈希",
    descriptionHash: "说明哈希", releasedOn: "拨付时间", campaignState: "状态", matchingRound: "配捐轮次", token: "代币",
    milestoneReleased: "已拨付", milestonePending: "待拨付", planned: "计划金额",
    milestonesPending: (n, all) => n ? `共 ${all} 个里程碑，已拨付 ${n} 个；其余在核验人批准前均为待拨付` : `尚无里程碑拨付：全部 ${all} 个在核验人批准前均为待拨付`,
    chainTimeNote: (w) => `状态以最后索引区块的时间为准（${w}）`,
    progressText: (p) => `已募集目标的 ${p}%`, newer: "← 较新", older: "较早 →", pageOf: (a, b, n) => `第 ${a}–${b} 条，共 ${n} 条`,
    campaignStates: {FUNDRAISING: "募捐中", FUNDED: "已达目标", COMPLETED: "已完成", FAILED: "未达目标", CANCELLED: "已取消"},
    categories: {MEDICAL: "医疗", EDUCATION: "教育", DISASTER: "灾害", SHARED_PURCHASE: "团购", OTHER: "其他"},
    models: {PREPAID: "预付制", COST_SHARING: "分摊制"},
    verdicts: {approved: "陪审团批准", denied: "陪审团驳回"},
    model: "模式", bonds: "保证金（理赔 / 质疑）", shareCap: (x) => "分摊上限 " + x, path: "处理过程",
    pathAssessors: (a, r) => `评审员 ${a} 赞成 / ${r} 反对`, pathNone: "—",
    claimOf: (id) => `理赔 #${id}`, ofPlan: "所属计划",
    pointsMinted: "捐赠人积分", pointsMintedText: (p, n) => `${n} 位捐赠人已领取 ${p} 分，仅计入本募捐活动`,
    donorPoints: "各募捐活动的捐赠积分（不同活动的积分从不相加）",
    schTitle: "分期拨付计划（教育互助：按学期分期拨付给教育机构）", schInstitution: "教育机构",
    schTranches: "分期数", schTerm: "学期长度", schTotal: "核定金额", schReleased: (k, n) => `（共 ${n} 期中已拨付 ${k} 期）`,
    schReturned: "退回资金池", schStopped: "已停止", schNotStopped: "否", schTermN: (k) => `第 ${k} 期`,
    schOpens: "开放时间", schProof: "入学证明哈希", schNone: "无分期计划：非教育理赔，或尚未指定教育机构。",
    schStates: {released: "已拨付", next: "下一期：待评审员批准入学证明", waiting: "等待中", stopped: "已停止"},
    statuses: {submitted: "已提交", approved: "已批准", rejected: "已拒绝", disputed: "争议中",
      paid: "已赔付", denied: "已驳回", active: "有效", lapsed: "已失效", left: "已退出",
      deposit: "存入", withdrawal: "提取", contribution: "互助金", share: "分摊", assessor: "评审员", juror: "陪审员"},
  },
};

let lang = localStorage.getItem("huzhu.lang") || (navigator.language && navigator.language.startsWith("zh") ? "zh" : "en");
let planSort = {key: "reserve", dir: -1};
let timer = null;
const t = (k) => T[lang][k];
const st = (s) => (T[lang].statuses[s] || s);
const esc = (v) => String(v == null ? "" : v).replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})[c]);
const group = (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const tokenLabel = (tok) => !tok || !tok.tokenSymbol ? "" : /^0x[0-9a-fA-F]{40}$/.test(tok.tokenSymbol) ? short(tok.tokenSymbol) : tok.tokenSymbol;

// An amount in base units of a plan's token (tok: any object with tokenDecimals / tokenSymbol, i.e. the
// plan or a row of it), exact: the token's own decimals (never assumed), at least two shown, none rounded
// away. A token whose decimals() reverts (tokenDecimals null) is shown in base units. Returns escaped HTML.
function money(units, tok) {
  if (units == null) return "—";
  const neg = String(units).startsWith("-");
  const s = String(units).replace(/^-/, "");
  const label = tokenLabel(tok);
  const d = tok && tok.tokenDecimals != null ? Number(tok.tokenDecimals) : null;
  if (d == null) return esc((neg ? "-" : "") + group(s) + " " + t("baseUnits") + (label ? " " + label : ""));
  const whole = s.length > d ? s.slice(0, s.length - d) : "0";
  let frac = d > 0 ? s.padStart(d, "0").slice(-d).replace(/0+$/, "") : "";
  if (frac.length < 2) frac = frac.padEnd(2, "0");
  return esc((neg ? "-" : "") + group(whole) + "." + frac + (label ? " " + label : ""));
}
const when = (secs) => secs ? new Date(secs * 1000).toISOString().replace("T", " ").slice(0, 16) + " UTC" : "—";
function duration(secs) {
  if (secs == null) return "—";
  if (secs >= 86400) return (secs / 86400).toFixed(1) + " " + t("days");
  if (secs >= 3600) return (secs / 3600).toFixed(1) + " " + t("hours");
  return Math.max(1, Math.round(secs / 60)) + " " + t("minutes");
}
// a claim's dispute and jury, in words: kind, round, seats, reveals against the quorum, outcome (and why the assessors' decision stood)
function juryCell(c) {
  if (!c.disputeKind || c.disputeKind === "NONE") return "—";
  let text = t("juryText")({...c, kind: T[lang].kinds[c.disputeKind] || c.disputeKind});
  if (c.juryOutcome) {
    text += " — " + (T[lang].outcomes[c.juryOutcome] || c.juryOutcome)
      + (c.juryFallback ? " (" + (T[lang].fallbacks[c.juryFallback] || c.juryFallback) + ")" : "");
  }
  return `<span class="jury">${esc(text)}</span>`;
}
// paid, owed and when first paid: the chain's claimPayment(id), as indexed from ClaimPaid / ClaimOwed
const claimMoneyCols = (tok) => [
  {h: "paidAmount", num: true, f: (c) => `<span class="paid">${c.paid == null ? "—" : money(c.paid, tok(c))}</span>`},
  {h: "owedAmount", num: true, f: (c) => `<span class="owed${c.owed && c.owed !== "0" ? " owed-open" : ""}">${c.owed == null ? "—" : money(c.owed, tok(c))}</span>`},
  {h: "paidOn", f: (c) => c.paidTime ? esc(when(c.paidTime)) : "—"},
  {h: "jury", f: juryCell},
];

function windDownSection(p) {
  const w = p.windDown || {};
  const state = w.closed ? t("closedOn")(when(w.closedAt), T[lang].closeReasons[w.closeReason] || w.closeReason || "—") : t("open");
  const exits = w.exitsOpen ? t("exitsText")(money(w.exitPoolLeft, p), w.exitSharesLeft, p.exitsTaken)
    : esc(w.closed ? t("exitsNotOpen") : "—");
  return `<h3>${esc(t("windDown"))}</h3><dl id="wind-down">
      <dt>${esc(t("planState"))}</dt><dd class="plan-state">${esc(state)}</dd>
      <dt>${esc(t("closeVotes"))}</dt><dd>${w.closeRound == null ? "—" : esc(t("closeVotesText")(w.closeVotes, w.closeRound))}</dd>
      <dt>${esc(t("memberFloor"))}</dt><dd>${w.minMembers == null ? "—" : esc(t("floorText")(w.minMembers, w.floorPeriods, w.belowFloorSince))}</dd>
      <dt>${esc(t("exits"))}</dt><dd class="exits">${exits}</dd>
      <dt>${esc(t("owedTotal"))}</dt><dd class="owed-total">${money(p.owedTotal || "0", p)}${p.owedClaims ? " · " + esc(t("owedClaims")(p.owedClaims)) : ""}</dd>
      <dt>${esc(t("juryPanel"))}</dt><dd>${p.juryPanel == null ? "—" : esc(t("juryPanelText")(p.juryPanel, p.juryQuorum))}</dd></dl>`;
}

const pct = (r) => r == null ? "—" : (r * 100).toFixed(0) + "%";
function short(a) { return a ? a.slice(0, 6) + "…" + a.slice(-4) : "—"; }
// "APPEALED" or "APPEALED: approved" (the indexer's challenges.outcome) in words
function challengeOutcome(o) {
  if (!o) return "—";
  const [kind, verdict] = String(o).split(": ");
  return (T[lang].kinds[kind] || kind) + (verdict ? (lang === "zh" ? "：" : ": ") + (T[lang].verdicts[verdict] || verdict) : "");
}
const catName = (c) => c ? (T[lang].categories[c] || c) : "—";
const modelName = (m) => m ? (T[lang].models[m] || m) : "";
const planId = (p) => p.planId == null ? "" : `<span class="plan-id">#${esc(p.planId)}</span> `;
// a claim's path: the assessors' votes, then a challenge/appeal/escalation, then the jury's outcome
function pathCell(c) {
  let text = t("pathAssessors")(c.approvals ?? 0, c.rejections ?? 0);
  if (c.disputeKind && c.disputeKind !== "NONE") text += " → " + (T[lang].kinds[c.disputeKind] || c.disputeKind);
  if (c.juryOutcome) text += " → " + (T[lang].outcomes[c.juryOutcome] || c.juryOutcome);
  return esc(text);
}
// the network's block explorer (/api/status "explorer": known for the chain, or `serve --explorer URL`); "" = none (a local chain)
let explorer = null;
const explorerUrl = (kind, v) => explorer && v ? `${explorer}/${kind}/${encodeURIComponent(v)}` : null;
const extLink = (kind, v) => { const u = explorerUrl(kind, v);
  return u ? ` <a class="ext" href="${esc(u)}" target="_blank" rel="noopener noreferrer" title="${esc(t("onExplorer"))}" aria-label="${esc(t("onExplorer"))}">↗</a>` : ""; };
const planLink = (a) => `<a class="addr" href="#/plan/${esc(a)}" title="${esc(a)}">${esc(short(a))}</a>` + extLink("address", a);
const memberLink = (a) => `<a class="addr" href="#/member/${esc(a)}" title="${esc(a)}">${esc(short(a))}</a>` + extLink("address", a);
const txCell = (h) => { const u = explorerUrl("tx", h);
  return u ? `<a class="addr" href="${esc(u)}" target="_blank" rel="noopener noreferrer" title="${esc(h)}">${esc(short(h))}</a>`
    : `<span class="addr" title="${esc(h)}">${esc(short(h))}</span>`; };

async function api(path) {
  const r = await fetch(path, {headers: {Accept: "application/json"}});
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function table(caption, cols, rows, empty) {
  if (!rows.length) return `<section class="empty"><h3>${esc(caption)}</h3><p>${esc(empty || t("noRows"))}</p></section>`;
  return `<table><caption>${esc(caption)}</caption><thead><tr>${cols.map((c) => `<th scope="col"${c.num ? ' class="num"' : ""}>${esc(t(c.h))}</th>`).join("")}</tr></thead>`
    + `<tbody>${rows.map((r) => `<tr>${cols.map((c) => `<td${c.num ? ' class="num"' : ""}>${c.f(r)}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
}

function applyStatic() {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.querySelectorAll("[data-t]").forEach((el) => { el.textContent = t(el.dataset.t); });
  const b = document.getElementById("lang");
  b.textContent = t("langButton");
  b.setAttribute("aria-label", t("langLabel"));
  document.title = t("title");
}

async function refreshSync() {
  const el = document.getElementById("sync");
  try {
    const s = await api("/api/status");
    el.textContent = s.headBlock == null ? t("syncNone") : t("sync")(s);
  } catch (e) { el.textContent = e.message; }
}

const PLAN_COLS = [
  {key: "address", h: "plan", f: (p) => planId(p) + planLink(p.address) + (p.name ? " " + esc(p.name) : ""), v: (p) => p.planId ?? p.address},
  {key: "category", h: "category", f: (p) => esc(catName(p.category)), v: (p) => p.category || ""},
  {key: "model", h: "model", f: (p) => esc(modelName(p.model) || "—"), v: (p) => p.model || ""},
  // anyone can deploy a token called "mUSD": the token's address tells two plans' tokens apart
  {key: "asset", h: "asset", f: (p) => `<span class="token-symbol">${esc(tokenLabel(p) || "—")}</span> <span class="addr" title="${esc(p.asset || "")}">${esc(p.asset ? short(p.asset) : "")}</span>`,
    v: (p) => (p.tokenSymbol || "") + " " + (p.asset || "")},
  {key: "fee", h: "fee", num: true, f: (p) => p.feeBps == null ? "—" : (p.feeBps / 100).toFixed(2) + "%", v: (p) => p.feeBps || 0},
  {key: "contribution", h: "contribution", num: true, f: (p) => p.model === "COST_SHARING" ? esc(t("shareCap")(money(p.shareCap, p))) : money(p.contribution, p),
    v: (p) => Number(p.model === "COST_SHARING" ? p.shareCap || 0 : p.contribution || 0)},
  {key: "maxPayout", h: "maxPayout", num: true, f: (p) => money(p.maxPayout, p), v: (p) => Number(p.maxPayout || 0)},
  {key: "waiting", h: "waiting", num: true, f: (p) => duration(p.waitingSeconds), v: (p) => p.waitingSeconds || 0},
  {key: "bonds", h: "bonds", num: true, f: (p) => money(p.claimBond, p) + " / " + money(p.challengeBond, p), v: (p) => Number(p.claimBond || 0)},
  {key: "reserve", h: "reserve", num: true, f: (p) => money(p.reserve, p), v: (p) => Number(p.reserve || 0)},
  {key: "members", h: "members", num: true, f: (p) => esc(p.membersActive), v: (p) => p.membersActive},
  {key: "approval", h: "approval", num: true, f: (p) => pct(p.approvalRatio), v: (p) => p.approvalRatio == null ? -1 : p.approvalRatio},
  {key: "timeToPay", h: "timeToPay", num: true, f: (p) => duration(p.avgPaySeconds), v: (p) => p.avgPaySeconds == null ? Infinity : p.avgPaySeconds},
  {key: "rating", h: "rating", num: true, f: (p) => p.rating == null ? "—" : p.rating.toFixed(1) + " (" + p.ratingCount + ")", v: (p) => p.rating == null ? -1 : p.rating},
];

// the other scenarios' page code (scenarios.js, loaded after this file) adds routes (#/round/…, #/group/…, #/parametric/…)
// and home-page sections: SCENARIO_ROUTES[name] = async (main, address, offset); HOME_SECTIONS: async () => HTML
const SCENARIO_ROUTES = {};
const HOME_SECTIONS = [];

async function home(main) {
  const [stats, plans, payouts, campaigns, scenarioSections] = await Promise.all([api("/api/stats"), api("/api/plans?limit=500"), api("/api/payouts?limit=20"),
    api("/api/campaigns?limit=50"), Promise.all(HOME_SECTIONS.map((section) => section()))]);
  const rows = plans.items.slice().sort((a, b) => {
    const c = PLAN_COLS.find((x) => x.key === planSort.key);
    const va = c.v(a), vb = c.v(b);
    return (va < vb ? -1 : va > vb ? 1 : 0) * planSort.dir;
  });
  const head = PLAN_COLS.map((c) => {
    const sorted = c.key === planSort.key ? (planSort.dir > 0 ? "ascending" : "descending") : "none";
    return `<th scope="col" aria-sort="${sorted}"${c.num ? ' class="num"' : ""}><button type="button" data-sort="${c.key}" title="${esc(t("sortBy"))}: ${esc(t(c.h))}">${esc(t(c.h))}</button></th>`;
  }).join("");
  main.innerHTML = `<section class="stats" aria-label="totals">
      <div><strong>${stats.plans}</strong>${esc(t("statPlans"))}</div><div><strong>${stats.membersActive}</strong>${esc(t("statMembers"))}</div>
      <div><strong>${stats.claims}</strong>${esc(t("statClaims"))}</div><div><strong>${stats.claimsPaid}</strong>${esc(t("statPaid"))}</div>
      ${(stats.byToken || []).map((k) => `<div class="token-total" title="${esc(k.asset)}"><strong>${money(k.paidTotal, k)}</strong>${esc(t("statPaidTotal"))} · <span class="addr">${esc(short(k.asset))}</span></div>`
        + `<div class="token-total" title="${esc(k.asset)}"><strong>${money(k.reserveTotal, k)}</strong>${esc(t("statReserve"))} · <span class="addr">${esc(short(k.asset))}</span></div>`).join("")}</section>`
    + (rows.length ? `<table id="plans"><caption>${esc(t("plans"))}</caption><thead><tr>${head}</tr></thead><tbody>`
      + rows.map((p) => `<tr>${PLAN_COLS.map((c) => `<td${c.num ? ' class="num"' : ""}>${c.f(p)}</td>`).join("")}</tr>`).join("") + `</tbody></table>`
      : `<h2>${esc(t("plans"))}</h2><p>${esc(t("noPlans"))}</p>`)
    + `<section id="campaigns">${campaignsSection(campaigns)}</section>`
    + scenarioSections.join("")
    + `<section id="feed" aria-live="polite">${feedTable(payouts.items)}</section>`;
  main.querySelectorAll("th button[data-sort]").forEach((b) => b.addEventListener("click", () => {
    planSort = {key: b.dataset.sort, dir: planSort.key === b.dataset.sort ? -planSort.dir : (b.dataset.sort === "timeToPay" || b.dataset.sort === "fee" ? 1 : -1)};
    render().then(() => { const again = document.querySelector(`th button[data-sort="${b.dataset.sort}"]`); if (again) again.focus(); });
  }));
}

function feedTable(items) {
  return table(t("feed"), [
    {h: "when", f: (p) => esc(when(p.blockTime))}, {h: "plan", f: (p) => planLink(p.plan)}, {h: "claim", num: true, f: (p) => "#" + esc(p.claimId)},
    {h: "recipient", f: (p) => memberLink(p.recipient)}, {h: "amount", num: true, f: (p) => money(p.amount, p)}, {h: "tx", f: (p) => txCell(p.txHash)},
  ], items, t("feedNone"));
}

async function payoutsPage(main) {
  const p = await api("/api/payouts?limit=200");
  main.innerHTML = `<section id="feed" aria-live="polite">${feedTable(p.items)}</section>`;
}

async function planPage(main, address) {
  const p = await api("/api/plans/" + encodeURIComponent(address));
  const assessors = Array.isArray(p.assessors) ? p.assessors : [];
  main.innerHTML = `<h2>${esc(t("plan"))} ${planId(p)}<span class="addr">${esc(p.address)}</span>${p.name ? " — " + esc(p.name) : ""}</h2>
    <h3>${esc(t("rules"))}</h3><dl>
      <dt>${esc(t("category"))}</dt><dd>${esc(catName(p.category))}${p.model ? " · " + esc(modelName(p.model)) : ""}</dd>
      <dt>${esc(t("contribution"))}</dt><dd>${money(p.contribution, p)}</dd>
      <dt>${esc(t("period"))}</dt><dd>${duration(p.periodSeconds)}</dd>
      <dt>${esc(t("waiting"))}</dt><dd>${duration(p.waitingSeconds)}</dd>
      <dt>${esc(t("maxPayout"))}</dt><dd>${money(p.maxPayout, p)}</dd>
      <dt>${esc(t("fee"))}</dt><dd>${p.feeBps == null ? "—" : (p.feeBps / 100).toFixed(2) + "%"}</dd>
      <dt>${esc(t("quorum"))}</dt><dd>${p.quorum == null ? "—" : esc(p.quorum) + " / " + assessors.length}</dd>
      <dt>${esc(t("assessors"))}</dt><dd>${assessors.length ? assessors.map(memberLink).join(", ") : "—"}</dd>
      <dt>${esc(t("rulesHash"))}</dt><dd class="addr">${esc(p.rulesHash || "—")}</dd>
      <dt>${esc(t("rulesText"))}</dt><dd>${docSlot(p.rulesHash, "rules-text")}</dd>
      <dt>${esc(t("asset"))}</dt><dd><span class="token-symbol">${esc(tokenLabel(p) || "—")}</span> · ${esc(p.tokenDecimals == null ? t("decimalsUnknown") : p.tokenDecimals + " " + t("decimals"))} · <span class="addr">${esc(p.asset || "—")}</span></dd>
      <dt>${esc(t("creator"))}</dt><dd>${p.creator ? memberLink(p.creator) : "—"}</dd>
      <dt>${esc(t("created"))}</dt><dd>${esc(p.createdBlock)} (${esc(when(p.createdTime))})</dd>
      <dt>${esc(t("reserve"))}</dt><dd><strong>${money(p.reserve, p)}</strong></dd>
      <dt>${esc(t("approval"))}</dt><dd>${pct(p.approvalRatio)}</dd>
      <dt>${esc(t("timeToPay"))}</dt><dd>${duration(p.avgPaySeconds)}</dd></dl>`
    + windDownSection(p)
    + table(t("claims"), [
      {h: "claim", num: true, f: (c) => claimLink(p.address, c.claimId)}, {h: "claimant", f: (c) => memberLink(c.claimant)},
      {h: "amount", num: true, f: (c) => money(c.amount, p)}, {h: "status", f: (c) => `<span class="status-${esc(c.status)}">${esc(st(c.status))}</span>`},
      {h: "votes", num: true, f: (c) => esc(c.approvals) + " / " + esc(c.rejections)}, {h: "path", f: pathCell}, {h: "submitted", f: (c) => esc(when(c.submittedTime))},
      ...claimMoneyCols(() => p),
    ], p.claims, t("noClaims"))
    + table(t("payouts"), [
      {h: "when", f: (x) => esc(when(x.blockTime))}, {h: "claim", num: true, f: (x) => "#" + esc(x.claimId)},
      {h: "recipient", f: (x) => memberLink(x.recipient)}, {h: "amount", num: true, f: (x) => money(x.amount, p)}, {h: "tx", f: (x) => txCell(x.txHash)},
    ], p.payouts)
    + ratingsSection(p)
    + table(t("memberList"), [
      {h: "member", f: (m) => memberLink(m.member)}, {h: "status", f: (m) => esc(st(m.status))}, {h: "joined", f: (m) => esc(when(m.joinedTime))},
      {h: "balance", num: true, f: (m) => money(m.withdrawable ?? m.balance, p)}, {h: "contributed", num: true, f: (m) => money(charged(m), p)},
    ], p.members);
  await fillDocuments(main);
}

// public ratings (signed by members) and anonymous ones (zero-knowledge proofs of membership): shown side by side,
// never averaged together (a member may give one of each)
function ratingsSection(p) {
  const a = p.anonymous || {count: 0, registered: 0, ratings: []};
  const avg = (v, n) => v == null || !n ? "—" : Number(v).toFixed(1) + " (" + esc(n) + ")";
  return `<h3>${esc(t("ratingsTitle"))}</h3><dl>
      <dt>${esc(t("publicRating"))}</dt><dd>${avg(p.rating, p.ratingCount)}</dd>
      <dt>${esc(t("anonymousRating"))}</dt><dd id="anonymous-rating">${avg(a.average, a.count)}</dd>
      <dt>${esc(t("anonymousRegistered"))}</dt><dd>${esc(a.registered)}</dd></dl>`
    + table(t("anonymousRatings"), [
      {h: "when", f: (x) => esc(when(x.blockTime))}, {h: "score", num: true, f: (x) => "★".repeat(Number(x.score)) + " " + esc(x.score)},
      {h: "review", f: (x) => docSlot(x.reviewHash, "review-text")}, {h: "tx", f: (x) => txCell(x.txHash)},
    ], a.ratings, t("noAnonymousRatings"))
    + table(t("reviews"), [
      {h: "when", f: (x) => esc(when(x.blockTime))}, {h: "member", f: (x) => memberLink(x.rater)},
      {h: "score", num: true, f: (x) => "★".repeat(Number(x.score)) + " " + esc(x.score)},
      {h: "reviewText", f: (x) => docSlot(x.reviewHash, "review-text")}, {h: "tx", f: (x) => txCell(x.txHash)},
    ], p.reviews || []);
}

// documents named on chain by a sha2-256 (rules, review texts): fetched from this server's store by their CIDv1
// (raw, base32) and shown only if the browser's own sha2-256 of the bytes equals the on-chain hash
const ZERO_HASH = "0x" + "0".repeat(64);
function docSlot(hash, cls) {
  if (!hash || hash === ZERO_HASH || !/^0x[0-9a-fA-F]{64}$/.test(hash)) return "—";
  return `<div class="doc ${cls}" data-doc-hash="${esc(hash)}">${esc(t("docLoading"))}</div>`;
}
function cidOf(hash) {
  const bytes = [0x01, 0x55, 0x12, 0x20];
  for (let i = 2; i < 66; i += 2) bytes.push(parseInt(hash.slice(i, i + 2), 16));
  const abc = "abcdefghijklmnopqrstuvwxyz234567";
  let out = "b", buf = 0, bits = 0;
  for (const b of bytes) {
    buf = (buf << 8) | b; bits += 8;
    while (bits >= 5) { out += abc[(buf >> (bits - 5)) & 31]; bits -= 5; }
    buf &= 0xff;
  }
  if (bits > 0) out += abc[(buf << (5 - bits)) & 31];
  return out;
}
async function fillDocuments(root) {
  for (const el of root.querySelectorAll("[data-doc-hash]")) {
    const hash = el.getAttribute("data-doc-hash").toLowerCase();
    try {
      const r = await fetch("/api/documents/" + cidOf(hash));
      if (!r.ok) { el.textContent = t("docMissing"); el.classList.add("doc-missing"); continue; }
      const bytes = new Uint8Array(await r.arrayBuffer());
      const digest = crypto.subtle ? Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)))
        .map((b) => b.toString(16).padStart(2, "0")).join("") : null;
      if (digest !== null && "0x" + digest !== hash) { el.textContent = t("docMismatch"); el.classList.add("doc-refused"); continue; }
      el.textContent = "";
      const text = document.createElement("pre");
      text.textContent = new TextDecoder().decode(bytes);
      const note = document.createElement("small");
      note.textContent = digest === null ? "" : t("docVerified");
      el.append(text, note);
      el.classList.add("doc-verified");
    } catch (e) {
      el.textContent = t("docMissing");
    }
  }
}

// what a membership has paid: contributions and settled shares, plus (cost sharing) the shares charged and not yet settled;
// the balance shown beside it is what the member can withdraw now (the plan's withdrawable(), shares and dues taken off)
const charged = (m) => String(BigInt(m.contributed || "0") + BigInt(m.sharesDue || "0"));

async function memberPage(main, address) {
  const r = await api("/api/members/" + encodeURIComponent(address) + "/records");
  main.innerHTML = `<h2>${esc(t("records"))} <span class="addr">${esc(r.address)}</span></h2>`
    + table(t("memberships"), [
      {h: "plan", f: (m) => planLink(m.plan) + (m.planClosed ? ` <span class="closed-tag">${esc(t("planClosedTag"))}</span>` : "")},
      {h: "status", f: (m) => esc(st(m.status))}, {h: "joined", f: (m) => esc(when(m.joinedTime))},
      {h: "balance", num: true, f: (m) => money(m.withdrawable ?? m.balance, m)}, {h: "contributed", num: true, f: (m) => money(charged(m), m)},
      {h: "exitShare", num: true, f: (m) => m.exitShare == null ? "—" : money(m.exitShare, m)},
    ], r.memberships)
    + table(t("myClaims"), [
      {h: "plan", f: (c) => planLink(c.plan)}, {h: "claim", num: true, f: (c) => claimLink(c.plan, c.claimId)}, {h: "amount", num: true, f: (c) => money(c.amount, c)},
      {h: "status", f: (c) => `<span class="status-${esc(c.status)}">${esc(st(c.status))}</span>`}, {h: "submitted", f: (c) => esc(when(c.submittedTime))},
      ...claimMoneyCols((c) => c),
    ], r.claims)
    + table(t("myPayouts"), [
      {h: "when", f: (x) => esc(when(x.blockTime))}, {h: "plan", f: (x) => planLink(x.plan)}, {h: "claim", num: true, f: (x) => "#" + esc(x.claimId)},
      {h: "amount", num: true, f: (x) => money(x.amount, x)}, {h: "tx", f: (x) => txCell(x.txHash)},
    ], r.payouts)
    + table(t("deposits"), [
      {h: "when", f: (x) => esc(when(x.blockTime))}, {h: "plan", f: (x) => planLink(x.plan)}, {h: "kind", f: (x) => esc(st(x.kind))},
      {h: "amount", num: true, f: (x) => money(x.amount, x)}, {h: "balance", num: true, f: (x) => money(x.balanceAfter, x)},
    ], r.deposits)
    + table(t("contributions"), [
      {h: "when", f: (x) => esc(when(x.blockTime))}, {h: "plan", f: (x) => planLink(x.plan)}, {h: "kind", f: (x) => esc(st(x.kind))},
      {h: "amount", num: true, f: (x) => money(x.amount, x)},
    ], r.contributions)
    + table(t("myVotes"), [
      {h: "when", f: (x) => esc(when(x.blockTime))}, {h: "plan", f: (x) => planLink(x.plan)}, {h: "claim", num: true, f: (x) => "#" + esc(x.claimId)},
      {h: "role", f: (x) => esc(st(x.role))}, {h: "vote", f: (x) => esc(x.approve ? t("yes") : t("no"))},
    ], r.votes)
    + table(t("challenges"), [
      {h: "when", f: (x) => esc(when(x.blockTime))}, {h: "plan", f: (x) => planLink(x.plan)}, {h: "claim", num: true, f: (x) => "#" + esc(x.claimId)},
      {h: "amount", num: true, f: (x) => money(x.bond, x)}, {h: "status", f: (x) => esc(challengeOutcome(x.outcome))},
    ], r.challenges)
    + table(t("ratings"), [
      {h: "when", f: (x) => esc(when(x.blockTime))}, {h: "plan", f: (x) => planLink(x.plan)}, {h: "score", num: true, f: (x) => esc(x.score)},
    ], r.ratings)
    + table(t("juries"), [
      {h: "plan", f: (x) => planLink(x.plan)}, {h: "claim", num: true, f: (x) => "#" + esc(x.claimId)}, {h: "round", num: true, f: (x) => esc(x.round)},
      {h: "committed", f: (x) => esc(x.committed ? "✓" : "—")}, {h: "revealed", f: (x) => esc(x.revealed ? (x.approve ? t("yes") : t("no")) : "—")},
      {h: "reward", num: true, f: (x) => x.reward == null ? "—" : money(x.reward, x)}, {h: "forfeited", num: true, f: (x) => x.forfeited == null ? "—" : money(x.forfeited, x)},
    ], r.juries || [])
    + table(t("pointsByPlan"), [
      {h: "plan", f: (x) => planLink(x.plan)}, {h: "accrued", num: true, f: (x) => esc(x.accrued)}, {h: "minted", num: true, f: (x) => esc(x.minted)},
    ], r.pointsByPlan || [])
    + table(t("donorPoints"), [
      {h: "campaign", f: (x) => campaignLink(x.campaign)}, {h: "points", num: true, f: (x) => `<span class="donor-points">${esc(x.points)}</span>`},
      {h: "when", f: (x) => esc(when(x.blockTime))}, {h: "tx", f: (x) => txCell(x.txHash)},
    ], r.donorPoints || [])
    + table(t("points"), [
      {h: "when", f: (x) => esc(when(x.blockTime))}, {h: "plan", f: (x) => planLink(x.source)}, {h: "kind", f: (x) => esc(x.reason || "—")},
      {h: "amount", num: true, f: (x) => esc(x.amount)},
    ], r.points);
}

// Relief campaigns (/api/campaigns, the campaigns' books() as indexed). Amounts in base units of the campaign's token,
// formatted with the decimals the indexer read from the token (tokenDecimals; NULL when decimals() reverts: base units).
// The state follows the contract's status(): cancelled; completed once the last milestone released what was raised
// and matched (it releases the rest); funded once raised ≥ goal; failed once the chain's time (chainTime: the last
// indexed block's timestamp, never the browser's clock) reached the deadline; else fundraising.
// the campaign's token for money(): its decimals and symbol, else its address
const ctok = (c) => ({tokenDecimals: c.tokenDecimals, tokenSymbol: c.tokenSymbol || c.token});
function campaignState(c, now) {
  if (c.cancelled) return "CANCELLED";
  const raised = BigInt(c.raised || "0"), matched = BigInt(c.matched || "0"), released = BigInt(c.released || "0");
  if (Number(c.milestonesReleased) > 0 && released === raised + matched) return "COMPLETED";
  if (raised >= BigInt(c.goal || "1")) return "FUNDED";
  if (now != null && Number(now) >= Number(c.deadline)) return "FAILED";
  return "FUNDRAISING";
}
// raised / goal in whole percent, exact (BigInt), at most 100
function campaignPercent(c) {
  const goal = BigInt(c.goal || "0");
  if (goal <= 0n) return 0;
  const p = BigInt(c.raised || "0") * 100n / goal;
  return Number(p > 100n ? 100n : p);
}
const campaignLink = (a) => `<a class="addr" href="#/campaign/${esc(a)}" title="${esc(a)}">${esc(short(a))}</a>`;
function progressBar(c) {
  const p = campaignPercent(c);
  return `<span class="campaign-progress"><progress class="progress" max="100" value="${p}" aria-valuenow="${p}" aria-valuemin="0" aria-valuemax="100"
    aria-label="${esc(t("progressText")(p))}">${p}%</progress> <span class="progress-text">${esc(t("progressText")(p))}</span></span>`;
}
const stateCell = (c, now) => { const s = campaignState(c, now); return `<span class="campaign-state state-${s.toLowerCase()}" data-state="${s}">${esc(T[lang].campaignStates[s])}</span>`; };

function campaignsSection(list) {
  return table(t("campaigns"), [
    {h: "campaign", f: (c) => campaignLink(c.address)}, {h: "beneficiary", f: (c) => memberLink(c.beneficiary)},
    {h: "goal", num: true, f: (c) => money(c.goal, ctok(c))}, {h: "raised", num: true, f: (c) => money(c.raised, ctok(c))},
    {h: "progress", f: progressBar}, {h: "deadline", f: (c) => esc(when(c.deadline))}, {h: "campaignState", f: (c) => stateCell(c, list.chainTime)},
  ], list.items, t("noCampaigns"));
}

// A claim (#/claim/PLAN/ID, /api/plans/{plan}/claims/{id}) and, for an education claim, its tranche schedule as the
// escrow keeps it (TrancheEscrow.scheduleOf; each term's tranche and state, when it opens, its release).
const claimLink = (plan, id) => `<a class="claim-link" href="#/claim/${esc(plan)}/${esc(id)}">#${esc(id)}</a>`;
async function claimPage(main, plan, id) {
  const c = await api("/api/plans/" + encodeURIComponent(plan) + "/claims/" + encodeURIComponent(id));
  const s = c.schedule;
  main.innerHTML = `<h2>${esc(t("claimOf")(c.claimId))} <small>${esc(t("ofPlan"))} ${planLink(c.plan)}</small></h2>
    <dl id="claim-figures">
      <dt>${esc(t("claimant"))}</dt><dd>${memberLink(c.claimant)}</dd>
      <dt>${esc(t("amount"))}</dt><dd class="amount">${money(c.amount, c)}</dd>
      <dt>${esc(t("status"))}</dt><dd class="status">${esc(st(String(c.status).toLowerCase()))}</dd>
      <dt>${esc(t("paid"))}</dt><dd class="paid">${money(c.paid, c)}</dd>
      <dt>${esc(t("owedAmount"))}</dt><dd class="owed">${money(c.owed, c)}</dd>
      <dt>${esc(t("submitted"))}</dt><dd>${esc(when(c.submittedTime))}</dd></dl>`
    + (!s ? `<p id="schedule-none">${esc(t("schNone"))}</p>` : `<h3>${esc(t("schTitle"))}</h3>
    <dl id="schedule-figures">
      <dt>${esc(t("schInstitution"))}</dt><dd class="institution">${memberLink(s.institution)}</dd>
      <dt>${esc(t("schTranches"))}</dt><dd class="tranches">${esc(s.tranches)}</dd>
      <dt>${esc(t("schTerm"))}</dt><dd class="term-length" data-seconds="${esc(s.termSeconds)}">${esc(duration(s.termSeconds))}</dd>
      <dt>${esc(t("schTotal"))}</dt><dd class="total">${money(s.total, c)}</dd>
      <dt>${esc(t("released"))}</dt><dd class="released"><span class="released-amount">${money(s.releasedAmount, c)}</span> ${esc(t("schReleased")(s.releasedTerms, s.tranches))}</dd>
      <dt>${esc(t("schReturned"))}</dt><dd class="returned">${money(s.returnedAmount, c)}</dd>
      <dt>${esc(t("schStopped"))}</dt><dd class="stopped" data-stopped="${s.stopped}">${s.stopped ? esc(when(s.stoppedTime)) + " · " + memberLink(s.stoppedBy) : esc(t("schNotStopped"))}</dd></dl>
    <ol id="schedule" class="timeline">${s.terms.map((k) => `<li class="term" data-term="${esc(k.term)}" data-state="${esc(k.state)}" data-opens="${esc(k.opensAt)}">
      <strong>${esc(t("schTermN")(k.term + 1))}</strong> · <span class="tranche">${money(k.amount, c)}</span> · <span class="term-state">${esc(T[lang].schStates[k.state] || k.state)}</span>`
      + (k.opensAt ? ` · ${esc(t("schOpens"))} ${esc(when(k.opensAt))}` : "")
      + (k.release ? `<br><small>${esc(t("releasedOn"))} ${esc(when(k.release.blockTime))} · ${txCell(k.release.txHash)} · ${esc(t("schProof"))}: <span class="addr">${esc(k.release.proofHash)}</span></small>` : "")
      + "</li>").join("")}</ol>`);
}

const DONATIONS_PAGE = 20;
async function campaignPage(main, address, offset) {
  const c = await api("/api/campaigns/" + encodeURIComponent(address) + "?limit=" + DONATIONS_PAGE + "&offset=" + offset);
  const d = c.donations;
  const base = "#/campaign/" + esc(c.address);
  const pager = d.total > DONATIONS_PAGE ? `<p class="pager">${offset > 0 ? `<a href="${base}/${Math.max(0, offset - DONATIONS_PAGE)}">${esc(t("newer"))}</a> ` : ""}`
    + `<span>${esc(t("pageOf")(Math.min(offset + 1, d.total), Math.min(offset + d.items.length, d.total), d.total))}</span>`
    + `${offset + DONATIONS_PAGE < d.total ? ` <a href="${base}/${offset + DONATIONS_PAGE}">${esc(t("older"))}</a>` : ""}</p>` : "";
  main.innerHTML = `<h2>${esc(t("campaign"))} <span class="addr">${esc(c.address)}</span></h2>
    <p id="campaign-progress">${progressBar(c)}</p>
    <dl id="campaign-figures">
      <dt>${esc(t("campaignState"))}</dt><dd>${stateCell(c, c.chainTime)} <small class="chain-time" data-time="${esc(c.chainTime)}">${esc(t("chainTimeNote")(when(c.chainTime)))}</small></dd>
      <dt>${esc(t("beneficiary"))}</dt><dd>${memberLink(c.beneficiary)}</dd>
      <dt>${esc(t("goal"))}</dt><dd class="goal">${money(c.goal, ctok(c))}</dd>
      <dt>${esc(t("raised"))}</dt><dd class="raised">${money(c.raised, ctok(c))}</dd>
      <dt>${esc(t("matched"))}</dt><dd class="matched">${money(c.matched, ctok(c))}</dd>
      <dt>${esc(t("released"))}</dt><dd class="released">${money(c.released, ctok(c))}</dd>
      <dt>${esc(t("refunded"))}</dt><dd class="refunded">${money(c.refunded, ctok(c))}</dd>
      <dt>${esc(t("donors"))}</dt><dd class="donors">${esc(c.donors)}</dd>
      <dt>${esc(t("pointsMinted"))}</dt><dd class="points-minted" data-points="${esc(c.pointsMinted)}">${esc(t("pointsMintedText")(c.pointsMinted, c.pointsClaims))}</dd>
      <dt>${esc(t("deadline"))}</dt><dd>${esc(when(c.deadline))}</dd>
      <dt>${esc(t("descriptionHash"))}</dt><dd class="addr">${esc(c.descriptionHash || "—")}</dd>
      <dt>${esc(t("matchingRound"))}</dt><dd>${c.matchingRound && !/^0x0+$/.test(c.matchingRound) ? `<span class="addr">${esc(c.matchingRound)}</span>` : "—"}</dd>
      <dt>${esc(t("token"))}</dt><dd>${c.tokenDecimals != null ? `<span class="token-symbol">${esc(c.tokenSymbol)}</span> ` : ""}<span class="addr">${esc(c.token)}</span></dd>
      <dt>${esc(t("created"))}</dt><dd>${esc(c.createdBlock)} (${esc(when(c.createdTime))})</dd></dl>
    <h3>${esc(t("milestones"))}</h3>
    <ol id="milestones" class="timeline">${(c.milestones || []).map((m) => { const r = m.release; return `<li class="milestone" data-milestone="${esc(m.milestone)}" data-state="${esc(m.state)}">
      <strong>${esc(t("milestone"))} #${esc(m.milestone)}</strong> · <span class="milestone-state">${esc(t(r ? "milestoneReleased" : "milestonePending"))}</span>
      · ${esc(t("planned"))} <span class="planned">${money(m.amount, ctok(c))}</span>
      <br><small>${esc(t("descriptionHash"))}: <span class="addr description-hash">${esc(m.descriptionHash)}</span></small>`
      + (r ? `<br><small>${esc(t("released"))} <span class="amount">${money(r.amount, ctok(c))}</span> · ${esc(t("releasedOn"))} ${esc(when(r.blockTime))} · ${txCell(r.txHash)}
      · ${esc(t("evidenceHash"))}: <span class="addr">${esc(r.evidenceHash)}</span></small>` : "") + "</li>"; }).join("")}</ol>
    <p class="milestones-pending">${esc(t("milestonesPending")((c.milestones || []).filter((m) => m.release).length, (c.milestones || []).length))}</p>`
    + table(t("donations"), [
      {h: "when", f: (x) => esc(when(x.blockTime))}, {h: "donor", f: (x) => memberLink(x.donor)},
      {h: "amount", num: true, f: (x) => money(x.amount, ctok(c))}, {h: "tx", f: (x) => txCell(x.txHash)},
    ], d.items) + pager;
}

async function render() {
  applyStatic();
  const main = document.getElementById("main");
  const hash = location.hash.replace(/^#/, "") || "/";
  const parts = hash.split("/").filter(Boolean);
  clearInterval(timer);
  if (explorer === null) {
    try { const st = await api("/api/status"); explorer = /^https?:\/\/[^\s"'<>]+$/.test(st.explorer || "") ? st.explorer.replace(/\/+$/, "") : ""; }
    catch (e) { /* no explorer links this time; the next render asks again */ }
  }
  try {
    if (parts[0] === "plan" && parts[1]) await planPage(main, parts[1]);
    else if (parts[0] === "campaign" && parts[1]) await campaignPage(main, parts[1], Math.max(0, parseInt(parts[2] || "0", 10) || 0));
    else if (parts[0] === "member" && parts[1]) await memberPage(main, parts[1]);
    else if (parts[0] === "claim" && parts[1] && parts[2]) await claimPage(main, parts[1], parts[2]);
    else if (SCENARIO_ROUTES[parts[0]] && parts[1]) await SCENARIO_ROUTES[parts[0]](main, parts[1], Math.max(0, parseInt(parts[2] || "0", 10) || 0));
    else if (parts[0] === "payouts") { await payoutsPage(main); timer = setInterval(() => payoutsPage(main).catch(() => {}), 3000); }
    else { await home(main); timer = setInterval(async () => {
      try { const p = await api("/api/payouts?limit=20"); const f = document.getElementById("feed"); if (f) f.innerHTML = feedTable(p.items); } catch (e) { /* next tick */ }
    }, 3000); }
    document.body.dataset.ready = hash;
    document.dispatchEvent(new CustomEvent("huzhu:rendered", { detail: { parts } })); // wallet.js adds its panel to a plan's page
  } catch (e) {
    main.innerHTML = `<p class="error" role="alert">${esc(t("notFound"))}: ${esc(e.message)}</p>`;
    document.body.dataset.ready = hash;
  }
  refreshSync();
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("lang").addEventListener("click", () => {
    lang = lang === "en" ? "zh" : "en";
    localStorage.setItem("huzhu.lang", lang);
    render();
  });
  document.getElementById("lookup").addEventListener("submit", (e) => {
    e.preventDefault();
    const a = document.getElementById("lookup-address").value.trim();
    location.hash = "#/member/" + a;
  });
  window.addEventListener("hashchange", () => { render().then(() => document.getElementById("main").focus()); });
  setInterval(refreshSync, 3000);
  render();
});
