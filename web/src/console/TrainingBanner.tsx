/**
 * 培训环境: on a training clock (YIFA_CLOCK) every page says so, with the clock's time, so that
 * nobody takes its records for real ones; an administrator may move the clock forward (to
 * cross a 90-day limit or a payment deadline in a training session). On real time: nothing.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Space } from 'antd';
import { get, post, type ApiError } from '../api';

interface ClockView {
  now: string;
  today: string;
  training: boolean;
}

/** The clock's time in China, to the minute. */
const chinaTime = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }).replace(/:\d{2}$/, '');

export default function TrainingBanner({ canAdvance }: { canAdvance: boolean }) {
  const { message } = App.useApp();
  const [clock, setClock] = useState<ClockView | null>(null);
  const [moving, setMoving] = useState(false);
  useEffect(() => {
    get<ClockView>('/clock').then(setClock, () => setClock(null));
  }, []);
  if (!clock?.training) return null;
  const advance = async (days: number) => {
    setMoving(true);
    try {
      await post('/clock/advance', { days });
      // Every page reads "today" from the server, and sessions age with the clock: start again from the new day (signing in again).
      window.location.reload();
    } catch (e) {
      message.error((e as ApiError).message);
      setMoving(false);
    }
  };
  return (
    <Alert
      type="warning"
      showIcon
      banner
      data-testid="training-banner"
      message={`培训环境：系统时间为 ${chinaTime(clock.now)}（培训时钟，不是真实时间），本环境的记录不能作为正式执法记录使用`}
      action={
        canAdvance ? (
          <Space wrap>
            {[1, 7, 30].map((d) => (
              <Button key={d} size="small" loading={moving} onClick={() => void advance(d)} data-testid={`clock-advance-${d}`}>
                前进 {d} 天
              </Button>
            ))}
          </Space>
        ) : undefined
      }
    />
  );
}
