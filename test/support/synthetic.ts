/**
 * Small invented articles for the batch tests (no text from ../shared): short attributed
 * sentences about an imaginary town, each article different (numbers depend on its index).
 */
export function syntheticArticles(count: number): { id: string; outlet: string; text: string }[] {
  const names = ['Anna Berg', 'Tomas Lind', 'Maria Koval', 'Pavel Dorn', 'Elif Sahin', 'Jon Rask'];
  const roles = ['the finance minister', 'the mayor', 'a union leader', 'the opposition leader', 'a port official'];
  const verbs = ['said', 'insisted', 'denied', 'suggested', 'claimed', 'confirmed'];
  const topics = ['the port plan', 'the new tax', 'the rail strike', 'the budget', 'the harbour fire'];
  return Array.from({ length: count }, (_, i) => {
    const sentences: string[] = [];
    for (let k = 0; k < 6; k++) {
      const name = names[(i + k) % names.length] ?? '';
      const topic = topics[(i * 7 + k) % topics.length] ?? '';
      sentences.push(`${name}, ${roles[(i * 3 + k) % roles.length] ?? ''}, ${verbs[(i + 2 * k) % verbs.length] ?? ''} on Tuesday that ${topic} would cost ${i * 100 + k} crowns.`);
      sentences.push(`"We will not accept ${topic}," ${name} told reporters in Kell.`);
    }
    return { id: `a${i}`, outlet: ['North', 'South', 'East'][i % 3] ?? 'North', text: sentences.join(' ') };
  });
}

/** The articles as JSONL, with a broken line inserted after article `brokenAfter`. */
export function syntheticJsonl(count: number, brokenAfter = -1): string {
  const lines = syntheticArticles(count).map((a) => JSON.stringify(a));
  if (brokenAfter >= 0) lines.splice(brokenAfter + 1, 0, '{broken');
  return `${lines.join('\n')}\n`;
}
