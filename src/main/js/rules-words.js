// A plan's rules in plain words, in English and Chinese, from the plan's own rules() view: shown
// before every signature (issue 14). Amounts in the plan token's units; durations in days/hours.
import { formatUnits } from "ethers";

const CATEGORY = { en: ["medical", "education", "disaster relief", "other"], zh: ["医疗", "教育", "灾害救助", "其他"] };

export function span(seconds, lang) {
  const s = Number(seconds);
  if (s === 0) return lang === "zh" ? "无" : "none";
  const days = s / 86400;
  if (days >= 1 && Number.isInteger(days)) return lang === "zh" ? `${days} 天` : `${days} day${days === 1 ? "" : "s"}`;
  const hours = s / 3600;
  if (hours >= 1 && Number.isInteger(hours)) return lang === "zh" ? `${hours} 小时` : `${hours} hour${hours === 1 ? "" : "s"}`;
  return lang === "zh" ? `${s} 秒` : `${s} seconds`;
}

export function amount(units, token) {
  return token.decimals == null ? `${units} ${token.address}` : `${formatUnits(units, token.decimals)} ${token.symbol}`;
}

/** The rules as a list of sentences. */
export function ruleLines(r, token, lang) {
  const a = (x) => amount(x, token);
  const pct = (Number(r.feeBps) / 100).toFixed(2) + "%";
  const prepaid = Number(r.model) === 0;
  const cat = CATEGORY[lang][Number(r.category)] || String(r.category);
  const panel = Number(r.panelSize) || 5;
  if (lang === "zh") {
    return [
      `类别：${cat}；${prepaid ? "预付制：每个周期从您的余额中扣除 " + a(r.contribution) : "费用分摊制：经批准的理赔由受保障成员分摊，每个周期每人最多 " + a(r.shareCapPerPeriod)}。`,
      `周期 ${span(r.period, lang)}${prepaid ? "；欠费宽限期 " + span(r.gracePeriod, lang) : ""}；服务费 ${pct}（只能降低）。`,
      `加入后等待期 ${span(r.waitingPeriod, lang)}，之后发生的损失才受保障；损失须在 ${span(r.filingWindow, lang)} 内申报。`,
      `每次理赔最多 ${a(r.maxPayoutPerClaim)}，每位成员每年最多 ${a(r.maxPayoutPerMemberPerYear)}。`,
      `${r.assessors.length} 位评估员中 ${r.quorum} 位同意即批准；评估期 ${span(r.assessmentWindow, lang)}，公示期 ${span(r.noticeWindow, lang)}。`,
      `理赔保证金 ${a(r.claimBond)}；质疑或上诉保证金 ${a(r.challengeBond)}；争议由 ${panel} 名随机抽取的成员陪审，投票与揭示各 ${span(r.juryWindow, lang)}，陪审押金 ${a(r.jurorDeposit)}。`,
      `这些规则永久固定，任何人（包括创建者）都无法动用成员的资金。`,
    ];
  }
  return [
    `Category: ${cat}; ${prepaid ? "prepaid: " + a(r.contribution) + " is taken from your balance every period" : "cost sharing: approved claims are shared by the covered members, at most " + a(r.shareCapPerPeriod) + " each per period"}.`,
    `Period ${span(r.period, lang)}${prepaid ? "; grace for arrears " + span(r.gracePeriod, lang) : ""}; service fee ${pct} (it can only be lowered).`,
    `Losses are covered after a waiting period of ${span(r.waitingPeriod, lang)} from joining, and must be claimed within ${span(r.filingWindow, lang)}.`,
    `At most ${a(r.maxPayoutPerClaim)} per claim and ${a(r.maxPayoutPerMemberPerYear)} per member per year.`,
    `${r.quorum} of ${r.assessors.length} assessors approve a claim; assessment ${span(r.assessmentWindow, lang)}, public notice ${span(r.noticeWindow, lang)}.`,
    `Claim bond ${a(r.claimBond)}; challenge or appeal bond ${a(r.challengeBond)}; disputes go to ${panel} members drawn at random, ${span(r.juryWindow, lang)} to commit and as long to reveal, juror deposit ${a(r.jurorDeposit)}.`,
    `These rules are fixed for good: nobody, the creator included, can touch members' money.`,
  ];
}
