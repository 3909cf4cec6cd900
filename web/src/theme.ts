/**
 * The one antd theme of the portal and the console: the brand red, and every colour antd
 * draws text in dark enough for WCAG 2.1 AA (4.5:1 on white and on its own light
 * background), so that no page has to fix a grey or a tag by hand. The browser tier
 * (test/browser/accessibility.test.ts, axe-core) checks every page against it.
 *
 * antd's defaults that fail, and what replaces them:
 *  - placeholders (#bfbfbf, 1.6:1), descriptions, form `extra` help, table sorter and empty
 *    texts, counters (#8c8c8c, 3.4:1): 60 % black (#666, 5.7:1);
 *  - links (#1677ff, 4.1:1): blue-7;
 *  - a table's or a list's empty text given as a plain string (#bfbfbf, 1.8:1): as a description;
 *  - a form field's error message (#ff4d4f, 3.3:1): the danger text's shade;
 *  - tags in the preset colours draw their text in shade 7 on shade 1: green, cyan, orange,
 *    gold, lime, yellow and volcano fall short there (2.0–4.4:1), so their shade 7 is one
 *    or two shades darker (each ≥ 4.5:1 on its shade 1);
 */
import type { ThemeConfig } from 'antd';

/**
 * A palette's shade 7 under both of antd's names (`green7` and `green-7`): both become the one
 * CSS variable `--ant-green-7`, so overriding one name alone is lost to the other.
 */
function shade7(colors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(colors).flatMap(([name, hex]) => [
      [`${name}7`, hex],
      [`${name}-7`, hex],
    ]),
  );
}

export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#b71c1c',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // Success, warning and danger text (Typography's `type`, form messages) in the signal shades, not antd's light ones (#52c41a is 2.3:1).
    colorSuccessText: '#237804',
    colorWarningText: '#ad4e00',
    colorErrorText: '#a8071a',
    colorLink: '#0958d9',
    colorLinkHover: '#1677ff',
    colorLinkActive: '#003eb3',
    ...shade7({
      green: '#237804',
      cyan: '#006d75',
      orange: '#ad4e00',
      volcano: '#ad2102',
      gold: '#874d00',
      lime: '#3f6600',
      yellow: '#614700',
    }),
  },
  components: {
    // A table's or a list's plain empty text is drawn in the disabled grey (#bfbfbf, 1.8:1): as a description instead.
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
    List: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
    // A list's body sits in a Spin, whose own scope would put the disabled grey back.
    Spin: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
    // A field's error and warning message is drawn in colorError and colorWarning, not the *Text shades (#ff4d4f is 3.3:1).
    Form: { colorError: '#a8071a', colorWarning: '#ad4e00' },
  },
};
