/** Interface strings of the runner's failure handling and of "nothing lost" (drafts, damaged storage), in English and Chinese. */
export const runnerEn = {
  workerUnavailable:
    'The model worker could not be started, not even on a second try, so the model now runs on the main thread of this page: the page may respond more slowly while it computes.',
  workerUnavailableCapped:
    'On the main thread a run takes at most {max} samples: the figures shown use {max} of the scenario’s {n} samples.',
  workerRetry: 'Retry the worker',
  linkDraftKept: 'Your changes are kept as a draft in this browser tab and come back if you reload it.',
  linkDraftRestored:
    'Your changes were restored from this tab’s draft: the notes make the link too long, so the address still holds the last link that fits.',
  storeDownloadAndClear: 'Download the damaged data, then clear it',
  storeCleared: 'The damaged saved scenarios were downloaded as {file} and cleared from the browser storage.',
  storeClearFailed: 'The damaged data could not be cleared from the browser storage.',
};

export const runnerZh: Record<keyof typeof runnerEn, string> = {
  workerUnavailable: '模型计算线程无法启动（重试后仍然失败），现改在本页面的主线程上运行模型：计算时页面响应可能变慢。',
  workerUnavailableCapped:
    '在主线程上每次最多计算{max}个样本：当前显示的结果使用{max}个样本，而非情景设定的{n}个样本。',
  workerRetry: '重试计算线程',
  linkDraftKept: '您的修改已作为草稿保存在本浏览器标签页中，重新加载后会恢复。',
  linkDraftRestored: '已从本标签页的草稿恢复您的修改：备注使链接过长，因此地址栏仍是最后一个可用的链接。',
  storeDownloadAndClear: '下载损坏的数据，然后清除',
  storeCleared: '已将损坏的已保存情景下载为 {file}，并已从浏览器存储中清除。',
  storeClearFailed: '损坏的数据未能从浏览器存储中清除。',
};
