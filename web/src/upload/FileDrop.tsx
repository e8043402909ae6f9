import { InboxOutlined } from '@ant-design/icons';
import { Upload } from 'antd';

interface DropText {
  /** The kinds of file the chooser offers: «.docx,.xlsx,.csv». */
  accept: string;
  /** «Перетащите файл плана сюда или нажмите, чтобы выбрать». */
  text: string;
  /** The kinds as people read them, under the text. */
  hint?: string;
}

function DropContent({ text, hint }: Pick<DropText, 'text' | 'hint'>) {
  return (
    <>
      <p className="ant-upload-drag-icon">
        <InboxOutlined aria-hidden />
      </p>
      <p className="ant-upload-text">{text}</p>
      {hint ? <p className="ant-upload-hint">{hint}</p> : null}
    </>
  );
}

/**
 * A file dropped or chosen and kept, shown by name, until the person asks for what it would give (a plan, a
 * decisions report, a district template): nothing is sent on the drop itself.
 */
export function ChosenFileDrop({
  file,
  uid,
  onChoose,
  onRemove,
  ...text
}: DropText & {
  file?: File;
  /** The kept file's key in the list under the area. */
  uid: string;
  onChoose(file: File): void;
  onRemove(): void;
}) {
  return (
    <Upload.Dragger
      accept={text.accept}
      maxCount={1}
      multiple={false}
      beforeUpload={(f) => {
        onChoose(f);
        return false;
      }}
      onRemove={onRemove}
      fileList={file ? [{ uid, name: file.name, status: 'done', size: file.size }] : []}
    >
      <DropContent {...text} />
    </Upload.Dragger>
  );
}

/** A file sent as soon as it is dropped or chosen (a staff list, a decision's evidence); no list under the area. */
export function SendingFileDrop({
  onFile,
  disabled,
  label,
  ...text
}: DropText & {
  onFile(file: File): void;
  disabled: boolean;
  /** The area's accessible name, where its text alone does not say what the file is for. */
  label?: string;
}) {
  return (
    <Upload.Dragger
      name="file"
      multiple={false}
      showUploadList={false}
      accept={text.accept}
      customRequest={({ file }) => onFile(file as File)}
      disabled={disabled}
      aria-label={label}
    >
      <DropContent {...text} />
    </Upload.Dragger>
  );
}
