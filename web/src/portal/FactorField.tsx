/**
 * The second factor a member of the public types beside his code: the last 4 characters of the
 * ID number or phone he left (the server's `secondFactorSchema`). One field for every portal
 * form that asks for it, so the label, the rule and its message read the same everywhere.
 */
import { Form, Input } from 'antd';

export const FACTOR_PATTERN = /^\s*[0-9Xx]{4}\s*$/;

export function FactorField({
  label = '身份验证：登记的身份证号或联系电话的后 4 位',
  autoFocus = false,
}: {
  label?: string;
  autoFocus?: boolean;
}) {
  return (
    <Form.Item
      name="verify"
      label={label}
      rules={[
        { required: true, message: '请输入后 4 位' },
        { pattern: FACTOR_PATTERN, message: '请输入 4 位数字（身份证号末位可为 X）' },
      ]}
    >
      <Input maxLength={4} autoComplete="off" autoFocus={autoFocus} style={{ width: 96 }} />
    </Form.Item>
  );
}
