/** Strings of the two plans (the plan switch, the upgrade plan's headings and notes), in English and Chinese. */
export const planEn = {
  planSwitch: 'Plan',
  'plan.sailing-2021': 'Sailing Action Plan 2021–2023',
  'plan.upgrade-2024': 'Upgrade Plan 2024–2027',
  planSwitchHelp:
    "Switching plans opens the other plan's baseline and keeps the assumptions both plans share that you changed.",
  planSwitched: 'Switched to {plan}; kept {n} shared assumptions you had changed.',
  appSubtitle2027:
    "Will the 2027 targets of the upgrade plan for the 5G large-scale application 'Sailing' action be met? Move the assumptions and see.",
  value2027: 'Value at Dec 2027',
  deadlineLabel2027: 'end-2027',
  scorecardCaption2027: 'Headline targets of the upgrade plan at Dec 2027: central path, verdict and probability',
  furtherTargets: 'Further quantitative targets',
  planNotes: "The plan's other targets",
  planNotesQualitative: 'Qualitative targets (no cell: nothing to forecast):',
  planNotesSource: 'Targets as published with the plan; sources in data/targets-2027.json.',
  unverifiedTarget: 'Unverified target',
  unverifiedTargetHelp: 'The data file flags this target: {note}',
  personalProxyNote:
    'The target counts 5G personal users; the only official series counts 5G phone users, which may count more than persons (second numbers, numbers not held by a person). The points are that proxy (5G phone users ÷ population); the gap between the two is an assumption you can move.',
  iotConnNote:
    'The one official figure is "over 40 million" 5G IoT terminal connections at end-March 2024, a lower bound; MIIT otherwise publishes only all cellular IoT users. Growth from it is an assumption.',
  lmNote:
    "There is no official series of 5G penetration in large and medium industrial enterprises: its starting value and growth are assumptions, not data. The previous plan's target counted large enterprises only.",
};

export const planZh: Record<keyof typeof planEn, string> = {
  planSwitch: '行动计划',
  'plan.sailing-2021': '扬帆行动计划 2021–2023',
  'plan.upgrade-2024': '升级方案 2024–2027',
  planSwitchHelp: '切换后打开另一计划的基准情景，并保留您改动过的、两个计划共有的假设。',
  planSwitched: '已切换到{plan}；保留了您改动过的{n}项共有假设。',
  appSubtitle2027: '《5G规模化应用“扬帆”行动升级方案》的2027年目标能否实现？调整假设，即时查看。',
  value2027: '2027年12月数值',
  deadlineLabel2027: '2027年底',
  scorecardCaption2027: '升级方案2027年12月各项主要指标：中心路径数值、结论与达标概率',
  furtherTargets: '其他量化目标',
  planNotes: '方案的其他目标',
  planNotesQualitative: '定性目标（无可预测的数值，不设单元）：',
  planNotesSource: '目标依方案发布时的公开报道；来源见 data/targets-2027.json。',
  unverifiedTarget: '目标未经核实',
  unverifiedTargetHelp: '数据文件对该目标的说明：{note}',
  personalProxyNote:
    '目标按5G个人用户计算；唯一的官方序列是5G移动电话用户，可能多于个人数（一人多号、非个人号码）。图中各点是这一代理指标（5G移动电话用户 ÷ 人口）；两者之差是一项可调整的假设。',
  iotConnNote:
    '唯一的官方数字是2024年3月末5G物联网终端连接数“超4000万个”，是下限；此外工信部只公布全部蜂窝物联网用户。此后的增长是假设。',
  lmNote: '大中型工业企业5G应用渗透率没有官方统计序列：起始值和增速都是假设，而非数据。上一计划的目标只统计大型企业。',
};
