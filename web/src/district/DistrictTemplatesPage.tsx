import { Card, Empty, Skeleton, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { usePageTitle } from '../app/usePageTitle';
import { DEFAULT_TIME_ZONE, formatDate } from '../format/dates';
import { ColourTag } from '../format/StatusTag';
import { DistrictHeading, useDistrict } from './DistrictPage';
import { DistrictTabs } from './DistrictTabs';
import { PublishTemplate } from './PublishTemplate';
import { useDistrictTemplates } from './template-queries';
import { latestText, pendingText, type TemplateHeader } from './templates-model';
import { LoadError } from '../app/ErrorAlert';

/** Who published, as the list shows it: the name, or the login when the event carried none. */
const personName = (p: { id: string; name?: string }) => p.name ?? p.id;

/**
 * The district's plan templates: each with its latest version, who published it and when, and how many of the
 * district's schools stand at that version, at an older one or have not adopted it. Its inspectors and
 * administrators read it; they may publish a template too.
 */
export function DistrictTemplatesPage() {
  usePageTitle('Шаблоны планов района');
  const { districts, districtId } = useDistrict();
  const list = useDistrictTemplates(districtId);
  if (districts.length === 0)
    return (
      <Empty description="Этот раздел — для инспектора и администратора района. Ваша учётная запись не закреплена ни за одним районом." />
    );
  const link = (t: TemplateHeader) =>
    `/district/templates/${encodeURIComponent(t.templateId)}?district=${encodeURIComponent(districtId!)}`;
  return (
    <>
      <DistrictHeading title={`Шаблоны планов${list.data?.name ? `: ${list.data.name}` : ''}`} />
      <DistrictTabs />
      <Typography.Paragraph type="secondary">
        Шаблон — процедуры, которые район просит провести все школы. Школа принимает шаблон в свой план
        целиком или частично; новую версию шаблона она принимает сама.
      </Typography.Paragraph>
      <Card>
        {list.isError ? (
          <LoadError title="Шаблоны района не загрузились" query={list} />
        ) : !list.data ? (
          <Skeleton active />
        ) : list.data.templates.length === 0 ? (
          <Empty description="Район ещё не опубликовал ни одного шаблона." />
        ) : (
          <Table
            rowKey="templateId"
            size="middle"
            dataSource={list.data.templates}
            pagination={false}
            scroll={{ x: true }}
            caption={`Шаблоны района и сколько из ${list.data.schools} школ приняли последнюю версию`}
            columns={[
              {
                title: 'Шаблон',
                key: 'title',
                render: (_, t) => (
                  <>
                    <Link to={link(t)}>{t.title}</Link>
                    <div className="muted">
                      {t.academicYear} учебный год · код {t.templateId}
                    </div>
                  </>
                ),
              },
              {
                title: 'Версия',
                key: 'version',
                render: (_, t) => (
                  <>
                    <strong>{t.version}</strong>
                    <div className="muted">строк: {t.rows}</div>
                  </>
                ),
              },
              {
                title: 'Опубликован',
                key: 'published',
                render: (_, t) => (
                  <>
                    {formatDate(t.publishedAt, DEFAULT_TIME_ZONE)}, {personName(t.publishedBy)}
                    {t.version > 1 ? (
                      <div className="muted">
                        версия {t.version} — {formatDate(t.updatedAt, DEFAULT_TIME_ZONE)}
                      </div>
                    ) : null}
                  </>
                ),
              },
              {
                title: 'На последней версии',
                key: 'latest',
                render: (_, t) => <strong>{latestText(t.adoption)}</strong>,
              },
              {
                title: 'Ждут',
                key: 'pending',
                render: (_, t) =>
                  t.adoption.older + t.adoption.notAdopted === 0 ? (
                    <ColourTag colour="green">{pendingText(t.adoption)}</ColourTag>
                  ) : (
                    <ColourTag colour="amber">{pendingText(t.adoption)}</ColourTag>
                  ),
              },
            ]}
          />
        )}
      </Card>
      {districtId ? <PublishTemplate districtId={districtId} key={districtId} /> : null}
    </>
  );
}
