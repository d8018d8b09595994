// Member actions on the transparency page, signed by the member's own browser wallet (EIP-1193:
// MetaMask and the like). Bundled at build time by scripts/lib/bundle-page.js into /wallet.js;
// nothing here talks to the server but its read-only API, and no key ever reaches it. Before any
// signature the panel shows the plan's full rules (read from the chain), the amounts and the gas
// estimate, in the page's language. docs/architecture.md "Acting from the page".
import { BrowserProvider, Contract, ZeroAddress, ZeroHash, formatUnits, hexlify, id, parseUnits, randomBytes } from "ethers";
import { abi as POOL_ABI } from "../../../artifacts/contracts/pool/AidPool.sol/AidPool.json";
import { ruleLines, amount as fmtAmount } from "./rules-words.js";
import { juryHolders } from "./jury-shuffle.js";

const ERC20_ABI = [
  "function symbol() view returns (string)", "function decimals() view returns (uint8)",
  "function allowance(address owner, address spender) view returns (uint256)",
  "function approve(address spender, uint256 amount) returns (bool)", "function balanceOf(address) view returns (uint256)",
];

const W = {
  en: {
    title: "Act on this plan with your wallet", intro: "Your own wallet (MetaMask or any EIP-1193 wallet) signs; no key ever reaches this server. Every step is shown before you sign.",
    connect: "Connect wallet", noWallet: "No browser wallet found: install MetaMask (or another EIP-1193 wallet) to act from the page.",
    account: "Signing as", wrongChain: (w, p) => `Your wallet is on chain ${w}, this page shows chain ${p}: switch networks in the wallet.`,
    action: "Action", amount: "Amount", claim: "Claim #", decision: "Decision", approveOpt: "approve", rejectOpt: "reject",
    lossDate: "Date of the loss", evidence: "Evidence (kept as a hash on chain)", stars: "Stars (1–5)", review: "Review text (kept as a hash)",
    reviewBtn: "Review", sign: "Sign and send", cancel: "Cancel", rules: "The plan's rules (fixed for good)",
    youSign: "What you sign", gas: (g, eth) => `Gas estimate: ${g} gas (about ${eth} ETH at the current price).`, gasUnknown: (why) => `Gas cannot be estimated: the plan would refuse it (${why}).`,
    step: (i, n) => `Step ${i} of ${n}`, pending: "Waiting for the wallet and the chain…", done: (h) => `Done: mined in transaction ${h}.`,
    refused: "Refused", balance: "Your free balance in this plan",
    actions: { join: "join", deposit: "deposit", withdraw: "withdraw", leave: "leave", submitClaim: "submit a claim", vote: "assessor vote", challenge: "challenge a claim",
      appeal: "appeal a claim", commitVote: "jury: commit a hidden vote", revealVote: "jury: reveal your vote", finalize: "finalize a claim", rate: "rate the plan" },
    what: {
      approve: (x) => `Allow this plan to take ${x} from your wallet (the token's approve; nothing moves yet).`,
      join: (x) => `Join with a first deposit of ${x}. Your cover starts after the waiting period.`, deposit: (x) => `Deposit ${x} into your balance in this plan.`,
      withdraw: (x) => `Withdraw ${x} from your free balance.`, leave: () => "Leave the plan: what you owe is settled and your whole free balance comes back to you.",
      submitClaim: (x, b) => `Claim ${x} for a loss; the claim bond of ${b} is held until the claim is decided.`,
      vote: (c, yes) => `As an assessor, ${yes ? "approve" : "reject"} claim #${c}.`, challenge: (c, b) => `Challenge claim #${c}, posting a bond of ${b}: a jury of members decides.`,
      appeal: (c, b) => `Appeal the rejection of your claim #${c}, posting a bond of ${b}: a jury of members decides.`,
      drawJury: (c) => `Draw the jury of claim #${c} (anyone may; the seed block picks the members).`,
      commitVote: (c, d) => `Commit a hidden vote on claim #${c}, posting the juror deposit of ${d}; the salt stays in this browser until you reveal.`,
      revealVote: (c, yes) => `Reveal your vote (${yes ? "approve" : "reject"}) on claim #${c}.`, finalize: (c) => `Finalize claim #${c} now that its windows have ended (anyone may).`,
      rate: (s) => `Rate the plan ${s} of 5 stars.`,
    },
    noBallot: "No hidden vote of yours on this claim is kept in this browser.",
  },
  zh: {
    title: "用您的钱包操作此计划", intro: "由您自己的钱包（MetaMask 或任何 EIP-1193 钱包）签名；私钥从不经过本服务器。每一步都会在签名前向您展示。",
    connect: "连接钱包", noWallet: "未找到浏览器钱包：请安装 MetaMask（或其他 EIP-1193 钱包）后再从页面操作。",
    account: "签名账户", wrongChain: (w, p) => `您的钱包在链 ${w} 上，本页显示的是链 ${p}：请在钱包中切换网络。`,
    action: "操作", amount: "金额", claim: "理赔编号 #", decision: "决定", approveOpt: "同意", rejectOpt: "拒绝",
    lossDate: "损失发生日期", evidence: "证据（链上只保存其哈希）", stars: "星级（1–5）", review: "评价内容（只保存其哈希）",
    reviewBtn: "核对", sign: "签名并发送", cancel: "取消", rules: "计划规则（永久固定）",
    youSign: "您将签署的内容", gas: (g, eth) => `预计 Gas：${g}（按当前价格约 ${eth} ETH）。`, gasUnknown: (why) => `无法估算 Gas：计划会拒绝此操作（${why}）。`,
    step: (i, n) => `第 ${i} 步，共 ${n} 步`, pending: "正在等待钱包和链上确认…", done: (h) => `完成：已在交易 ${h} 中上链。`,
    refused: "被拒绝", balance: "您在此计划中的可用余额",
    actions: { join: "加入", deposit: "存入", withdraw: "取出", leave: "退出", submitClaim: "提交理赔", vote: "评估员投票", challenge: "质疑理赔",
      appeal: "上诉", commitVote: "陪审：提交隐藏投票", revealVote: "陪审：揭示投票", finalize: "结算理赔", rate: "评价计划" },
    what: {
      approve: (x) => `授权此计划从您的钱包中划转 ${x}（代币的 approve；此时不会转出任何资金）。`,
      join: (x) => `以首笔存款 ${x} 加入。等待期结束后开始受保障。`, deposit: (x) => `向您在此计划中的余额存入 ${x}。`,
      withdraw: (x) => `从您的可用余额中取出 ${x}。`, leave: () => "退出计划：结清应付款项后，您的全部可用余额将退还给您。",
      submitClaim: (x, b) => `为一次损失申请理赔 ${x}；理赔保证金 ${b} 将保留至理赔有结果。`,
      vote: (c, yes) => `作为评估员，${yes ? "同意" : "拒绝"}理赔 #${c}。`, challenge: (c, b) => `质疑理赔 #${c}，缴纳保证金 ${b}：由成员陪审团裁决。`,
      appeal: (c, b) => `对理赔 #${c} 被拒提出上诉，缴纳保证金 ${b}：由成员陪审团裁决。`,
      drawJury: (c) => `抽取理赔 #${c} 的陪审团（任何人都可以；由种子区块决定人选）。`,
      commitVote: (c, d) => `对理赔 #${c} 提交隐藏投票，缴纳陪审押金 ${d}；盐值保存在此浏览器中，直到您揭示投票。`,
      revealVote: (c, yes) => `揭示您对理赔 #${c} 的投票（${yes ? "同意" : "拒绝"}）。`, finalize: (c) => `理赔 #${c} 的各期限已结束，现在结算（任何人都可以）。`,
      rate: (s) => `给此计划评 ${s} 星（满分 5 星）。`,
    },
    noBallot: "此浏览器中没有您对该理赔的隐藏投票。",
  },
};

const FIELDS = {
  join: ["amount"], deposit: ["amount"], withdraw: ["amount"], leave: [], submitClaim: ["amount", "lossDate", "evidence"],
  vote: ["claim", "decision"], challenge: ["claim"], appeal: ["claim"], commitVote: ["claim", "decision"], revealVote: ["claim"],
  finalize: ["claim"], rate: ["stars", "review"],
};

const lang = () => (document.documentElement.lang || "en").startsWith("zh") ? "zh" : "en";
const w = () => W[lang()];
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));

let session = null; // { provider, account, chainId }

async function connect() {
  if (!window.ethereum) throw new Error(w().noWallet);
  const provider = new BrowserProvider(window.ethereum);
  const [account] = await provider.send("eth_requestAccounts", []);
  const chainId = (await provider.getNetwork()).chainId;
  session = { provider, account, chainId };
  return session;
}

function describeError(e, plan) {
  const data = e?.data || e?.info?.error?.data || e?.error?.data;
  if (data && plan) {
    try {
      const parsed = plan.interface.parseError(typeof data === "string" ? data : data.data);
      if (parsed) return `${parsed.name}(${parsed.args.map(String).join(", ")})`;
    } catch { /* not one of the plan's errors */ }
  }
  if (e?.revert) return `${e.revert.name}(${e.revert.args.map(String).join(", ")})`;
  return e?.shortMessage || e?.message || String(e);
}

/** The steps an action needs, each a { what, to, contract call } the user reviews before signing. */
async function planSteps(ctx, action, f) {
  const { plan, token, rules: r, account } = ctx;
  const t = w().what;
  const a = (x) => fmtAmount(x, token);
  const steps = [];
  const needs = async (value) => {
    if (value === 0n) return;
    const allowance = await token.contract.allowance(account, ctx.address);
    if (allowance < value) steps.push({ what: t.approve(a(value)), target: token.contract, method: "approve", args: [ctx.address, value] });
  };
  const claimId = f.claim == null ? null : BigInt(f.claim);
  switch (action) {
    case "join": await needs(f.amount); steps.push({ what: t.join(a(f.amount)), method: "join", args: [f.amount, ZeroAddress] }); break;
    case "deposit": await needs(f.amount); steps.push({ what: t.deposit(a(f.amount)), method: "deposit", args: [f.amount] }); break;
    case "withdraw": steps.push({ what: t.withdraw(a(f.amount)), method: "withdraw", args: [f.amount] }); break;
    case "leave": steps.push({ what: t.leave(), method: "leave", args: [] }); break;
    case "submitClaim": {
      await needs(r.claimBond);
      const incurredAt = BigInt(Math.floor(new Date(f.lossDate).getTime() / 1000));
      steps.push({ what: t.submitClaim(a(f.amount), a(r.claimBond)), method: "submitClaim", args: [f.amount, f.evidence ? id(f.evidence) : ZeroHash, incurredAt] });
      break;
    }
    case "vote": steps.push({ what: t.vote(claimId, f.decision), method: "vote", args: [claimId, f.decision] }); break;
    case "challenge": await needs(r.challengeBond); steps.push({ what: t.challenge(claimId, a(r.challengeBond)), method: "challenge", args: [claimId] }); break;
    case "appeal": await needs(r.challengeBond); steps.push({ what: t.appeal(claimId, a(r.challengeBond)), method: "appeal", args: [claimId] }); break;
    case "commitVote": {
      if (!(await plan.juryOf(claimId)).drawn) {
        steps.push({ what: t.drawJury(claimId), method: "drawJury", lazyArgs: async () => [claimId, await juryHolders(plan, ctx.provider, claimId)] });
      }
      await needs(r.jurorDeposit);
      const salt = hexlify(randomBytes(32));
      steps.push({ what: t.commitVote(claimId, a(r.jurorDeposit)), method: "commitVote",
        lazyArgs: async () => [claimId, await plan.commitmentOf(claimId, account, f.decision, salt)],
        before: () => localStorage.setItem(ballotKey(ctx, claimId), JSON.stringify({ approve: f.decision, salt })) });
      break;
    }
    case "revealVote": {
      const ballot = JSON.parse(localStorage.getItem(ballotKey(ctx, claimId)) || "null");
      if (!ballot) throw new Error(w().noBallot);
      steps.push({ what: t.revealVote(claimId, ballot.approve), method: "revealVote", args: [claimId, ballot.approve, ballot.salt] });
      break;
    }
    case "finalize": steps.push({ what: t.finalize(claimId), method: "finalize", args: [claimId] }); break;
    case "rate": steps.push({ what: t.rate(f.stars), method: "rate", args: [f.stars, f.review ? id(f.review) : ZeroHash] }); break;
    default: throw new Error("unknown action " + action);
  }
  return steps;
}

const ballotKey = (ctx, claimId) => `huzhu.ballot.${ctx.chainId}.${ctx.address.toLowerCase()}.${claimId}.${ctx.account.toLowerCase()}`;

async function context(address) {
  const s = session || (await connect());
  const signer = await s.provider.getSigner(s.account);
  const plan = new Contract(address, POOL_ABI, signer);
  const rules = await plan.rules();
  const erc20 = new Contract(rules.asset, ERC20_ABI, signer);
  const [symbol, decimals] = await Promise.all([erc20.symbol().catch(() => null), erc20.decimals().then(Number).catch(() => null)]);
  return { ...s, signer, plan, address, rules, token: { contract: erc20, address: rules.asset, symbol: symbol || rules.asset, decimals } };
}

function readFields(form, token) {
  const v = (n) => form.querySelector(`[name=${n}]`)?.value?.trim();
  const f = {};
  if (v("amount") !== undefined && v("amount") !== "") f.amount = parseUnits(v("amount"), token.decimals ?? 0);
  if (v("claim")) f.claim = v("claim");
  if (v("decision") !== undefined) f.decision = v("decision") === "approve";
  if (v("lossDate")) f.lossDate = v("lossDate");
  if (v("evidence")) f.evidence = v("evidence");
  if (v("stars")) f.stars = Number(v("stars"));
  if (v("review")) f.review = v("review");
  return f;
}

async function estimate(ctx, step) {
  const target = step.target || ctx.plan;
  const args = step.lazyArgs ? await step.lazyArgs() : step.args;
  step.resolvedArgs = args;
  try {
    const gas = await target[step.method].estimateGas(...args);
    const fee = await ctx.provider.getFeeData();
    const price = fee.maxFeePerGas ?? fee.gasPrice ?? 0n;
    return w().gas(gas.toLocaleString(lang() === "zh" ? "zh-CN" : "en"), formatUnits(gas * price, 18).slice(0, 10));
  } catch (e) {
    return w().gasUnknown(describeError(e, ctx.plan));
  }
}

function fieldHtml(name) {
  const t = w();
  switch (name) {
    case "amount": return `<label>${esc(t.amount)} <input name="amount" id="wallet-amount" inputmode="decimal" required></label>`;
    case "claim": return `<label>${esc(t.claim)} <input name="claim" id="wallet-claim" inputmode="numeric" required></label>`;
    case "decision": return `<label>${esc(t.decision)} <select name="decision" id="wallet-decision"><option value="approve">${esc(t.approveOpt)}</option><option value="reject">${esc(t.rejectOpt)}</option></select></label>`;
    case "lossDate": return `<label>${esc(t.lossDate)} <input name="lossDate" id="wallet-loss" type="datetime-local" required></label>`;
    case "evidence": return `<label>${esc(t.evidence)} <input name="evidence" id="wallet-evidence"></label>`;
    case "stars": return `<label>${esc(t.stars)} <input name="stars" id="wallet-stars" type="number" min="1" max="5" required></label>`;
    case "review": return `<label>${esc(t.review)} <input name="review" id="wallet-review-text"></label>`;
    default: return "";
  }
}

function mount(main, address) {
  const t = w();
  const section = document.createElement("section");
  section.id = "wallet";
  section.dataset.state = "idle";
  section.setAttribute("aria-labelledby", "wallet-h");
  section.innerHTML = `<h3 id="wallet-h">${esc(t.title)}</h3><p>${esc(t.intro)}</p>
    <p><button type="button" id="wallet-connect">${esc(t.connect)}</button> <span id="wallet-account"></span></p>
    <form id="wallet-form" hidden><label>${esc(t.action)} <select id="wallet-action" name="action">
      ${Object.keys(FIELDS).map((k) => `<option value="${k}">${esc(t.actions[k])}</option>`).join("")}</select></label>
      <span id="wallet-fields"></span> <button type="submit" id="wallet-review-btn">${esc(t.reviewBtn)}</button></form>
    <div id="wallet-review" aria-live="polite"></div><p id="wallet-result" role="status"></p>`;
  main.appendChild(section);
  const form = section.querySelector("#wallet-form");
  const result = section.querySelector("#wallet-result");
  const review = section.querySelector("#wallet-review");
  const fields = () => { section.querySelector("#wallet-fields").innerHTML = FIELDS[form.action.value].map(fieldHtml).join(" "); };
  form.action.addEventListener("change", fields);
  fields();
  const fail = (e, plan) => { section.dataset.state = "error"; result.innerHTML = `<span class="error">${esc(w().refused)}: ${esc(describeError(e, plan))}</span>`; };

  section.querySelector("#wallet-connect").addEventListener("click", async () => {
    try {
      const s = await connect();
      const status = await fetch("/api/status").then((r) => r.json()).catch(() => ({}));
      section.querySelector("#wallet-account").innerHTML = `${esc(t.account)} <span class="addr">${esc(s.account)}</span>`;
      if (status.chainId != null && BigInt(status.chainId) !== s.chainId) throw new Error(t.wrongChain(s.chainId, status.chainId));
      form.hidden = false;
    } catch (e) { fail(e); }
  });

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    result.textContent = "";
    let ctx;
    try {
      ctx = await context(address);
      const steps = await planSteps(ctx, form.action.value, readFields(form, ctx.token));
      await runSteps(section, ctx, steps, 0);
    } catch (e) { fail(e, ctx?.plan); }
  });

  async function runSteps(section, ctx, steps, i) {
    if (i >= steps.length) return;
    const step = steps[i];
    const gas = await estimate(ctx, step);
    section.dataset.state = "review";
    review.innerHTML = `<h4>${esc(w().rules)}</h4><ul class="rules">${ruleLines(ctx.rules, ctx.token, lang()).map((l) => `<li>${esc(l)}</li>`).join("")}</ul>
      <h4>${esc(w().youSign)} · ${esc(w().step(i + 1, steps.length))}</h4><p id="wallet-what">${esc(step.what)}</p><p id="wallet-gas">${esc(gas)}</p>
      <p><button type="button" id="wallet-sign">${esc(w().sign)}</button> <button type="button" id="wallet-cancel">${esc(w().cancel)}</button></p>`;
    document.body.dataset.walletReview = String(Date.now());
    review.querySelector("#wallet-cancel").addEventListener("click", () => { review.innerHTML = ""; section.dataset.state = "idle"; });
    review.querySelector("#wallet-sign").addEventListener("click", async () => {
      section.dataset.state = "pending";
      result.textContent = w().pending;
      try {
        if (step.before) step.before();
        const target = step.target || ctx.plan;
        const tx = await target[step.method](...step.resolvedArgs);
        const receipt = await tx.wait();
        result.textContent = w().done(receipt.hash);
        review.innerHTML = "";
        if (i + 1 < steps.length) return runSteps(section, ctx, steps, i + 1);
        section.dataset.state = "done";
        document.body.dataset.walletDone = receipt.hash;
      } catch (e) { fail(e, ctx.plan); }
    });
  }
}

document.addEventListener("huzhu:rendered", (e) => {
  const parts = e.detail?.parts || [];
  const main = document.getElementById("main");
  if (parts[0] === "plan" && parts[1] && main && !document.getElementById("wallet")) mount(main, parts[1]);
});
