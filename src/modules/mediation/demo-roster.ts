/**
 * The demo's 平安志愿者 (five per village, a patrol each month and publicity each quarter) and
 * its mediators' qualifications and training (the county 司法局's certificate and two trainings
 * a year; 人民调解法 Art 14), through the same use cases a user takes, each on its own day.
 * One of 妙泉村's volunteers left five months ago (he went to work in the city): he stays in the
 * roster's history, and the activities after that day go on without him.
 */
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { addDays } from '../../calendar/legal-date.js';
import { addQualification, addTraining, createActivity, createVolunteer, leaveVolunteer } from './roster.js';

const NAMES = ['龙', '石', '白', '彭', '冉', '向', '姚', '田', '杨', '吴'];

export async function seedDemoRoster(
  yifa: Yifa,
  sifasuo: Request,
  villages: readonly { regionId: string; name: string; request: Request }[],
  mediators: readonly string[],
): Promise<void> {
  const today = yifa.clock.today();
  const at = (day: string) => () => new Date(`${day}T09:30:00+08:00`);
  const yearAgo = addDays(today, -365);
  let n = 0;
  for (const v of villages) {
    yifa.clock.source = at(yearAgo);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      n++;
      const made = await createVolunteer(yifa, v.request, {
        name: `${NAMES[n % NAMES.length]}某${'甲乙丙丁戊'[i]}`,
        phone: `1390231${String(1000 + n).slice(-4)}`,
        regionId: v.regionId,
        groupId: null,
        joinedOn: yearAgo,
      });
      ids.push(made.id);
    }
    const leaving = v === villages[0] ? { id: ids[4]!, on: addDays(today, -150) } : null;
    let roster = ids;
    for (let month = 11; month >= 0; month--) {
      const on = addDays(today, -(month * 30 + 10));
      if (on < yearAgo) continue;
      if (leaving && on > leaving.on && roster.includes(leaving.id)) {
        yifa.clock.source = at(leaving.on);
        await leaveVolunteer(yifa, v.request, leaving.id, { leftOn: leaving.on, reason: '外出务工，本人申请退出' });
        roster = ids.filter((id) => id !== leaving.id);
      }
      yifa.clock.source = at(on);
      await createActivity(yifa, v.request, {
        kind: 'patrol',
        heldOn: on,
        place: `${v.name}主干道及各村民小组`,
        summary: '夜间治安巡逻，劝导村民关好门窗、看管好农机具。',
        volunteerIds: roster.slice(0, 3),
      });
      if (month % 3 === 0)
        await createActivity(yifa, v.request, {
          kind: 'publicity',
          heldOn: on,
          place: `${v.name}村委会广场`,
          summary: '赶场天宣传人民调解法和防范电信诈骗知识，发放资料。',
          volunteerIds: roster.slice(2),
        });
    }
  }
  for (const [i, personId] of mediators.entries()) {
    yifa.clock.source = at(yearAgo);
    await addQualification(yifa, sifasuo, personId, {
      kind: 'certificate',
      title: '人民调解员证',
      issuer: '秀山土家族苗族自治县司法局',
      issuedOn: addDays(yearAgo, -400),
      number: `秀调证字第${String(i + 1).padStart(3, '0')}号`,
    });
    for (const days of [300, 120]) {
      yifa.clock.source = at(addDays(today, -days));
      await addTraining(yifa, sifasuo, personId, {
        heldOn: addDays(today, -days),
        organiser: '秀山土家族苗族自治县司法局',
        topic: days > 200 ? '人民调解员岗前及年度轮训' : '婚姻家庭和土地承包纠纷调解实务',
        hours: days > 200 ? 16 : 8,
      });
    }
  }
}
