import { Breadcrumb, Card, Descriptions, Empty, Skeleton, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { usePageTitle } from '../app/usePageTitle';
import { DEFAULT_TIME_ZONE, formatDate, formatDateTime } from '../format/dates';
import { ColourTag } from '../format/StatusTag';
import { zoneLabel } from '../format/zones';
import { useDistrict } from './DistrictPage';
import { DistrictTabs } from './DistrictTabs';
import { PublishTemplate } from './PublishTemplate';
import { useDistrictTemplate } from './template-queries';
import { changesText, latestText, pendingText, rowsText, type SchoolAdoption } from './templates-model';
import { LoadError } from '../app/ErrorAlert';

const personName = (p: { id: string; name?: string }) => p.name ?? p.id;

/**
 * One district template: its versions, who published each and what changed, and where every school of the
 * district stands — on the latest version, on an older one (they have a revision to accept), or not adopted.
 * Each school's day is its own, in its time zone.
 */
export function DistrictTemplatePage() {
  const { templateId: param } = useParams();
  const templateId = param!;
  const { districtId } = useDistrict();
  const one = useDistrictTemplate(districtId, templateId);
  usePageTitle(one.data ? `Шаблон «${one.data.title}»` : 'Шаблон плана района');
  const back = `/district/templates${districtId ? `?district=${encodeURIComponent(districtId)}` : ''}`;
  const t = one.data;
  const adoptionColumns = (withVersion: boolean) => [
    { title: 'Школа', key: 'name', render: (_: unknown, a: SchoolAdoption) => a.name },
    ...(withVersion
      ? [
          {
            title: 'Версия',
            key: 'version',
            render: (_: unknown, a: SchoolAdoption) => (
              <ColourTag colour={a.onLatest ? 'green' : 'amber'}>версия {a.version}</ColourTag>
            ),
          },
        ]
      : []),
    {
      title: 'Принята',
      key: 'adoptedAt',
      render: (_: unknown, a: SchoolAdoption) => (
        <>
          {formatDateTime(a.adoptedAt, a.timeZone)}
          <div className="muted">
            {personName(a.adoptedBy)} · {zoneLabel(a.timeZone, new Date(a.adoptedAt))}
          </div>
        </>
      ),
    },
    {
      title: 'Строки',
      key: 'rows',
      render: (_: unknown, a: SchoolAdoption) => (t ? rowsText(a, t.versions) : a.rows),
    },
    {
      title: 'Впервые принят',
      key: 'first',
      render: (_: unknown, a: SchoolAdoption) => formatDate(a.firstAdoptedAt, a.timeZone),
    },
  ];
  return (
    <>
      <Breadcrumb
        items={[{ title: <Link to={back}>Шаблоны планов</Link> }, { title: t?.title ?? templateId }]}
      />
      <Typography.Title level={1} className="page-title">
        {t ? `Шаблон «${t.title}», ${t.academicYear}` : 'Шаблон плана района'}
      </Typography.Title>
      <DistrictTabs />
      {one.isError ? (
        <LoadError title="Шаблон не загрузился" query={one} />
      ) : !t ? (
        <Skeleton active />
      ) : (
        <>
          <Card>
            <Descriptions
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'version', label: 'Последняя версия', children: `${t.version} (строк: ${t.rows})` },
                {
                  key: 'published',
                  label: 'Опубликован',
                  children: `${formatDate(t.publishedAt, DEFAULT_TIME_ZONE)}, ${personName(t.publishedBy)}`,
                },
                { key: 'code', label: 'Код', children: t.templateId },
                {
                  key: 'latest',
                  label: 'На последней версии',
                  children: latestText(t.adoption),
                },
                { key: 'pending', label: 'Ждут', children: pendingText(t.adoption) },
              ]}
            />
          </Card>
          <Card title={<h2 className="card-title">Версии</h2>}>
            <Table
              rowKey="version"
              size="small"
              pagination={false}
              dataSource={[...t.versions].reverse()}
              caption="Версии шаблона, последняя первой"
              columns={[
                { title: 'Версия', key: 'version', render: (_, v) => <strong>{v.version}</strong> },
                {
                  title: 'Опубликована',
                  key: 'at',
                  render: (_, v) => `${formatDate(v.at, DEFAULT_TIME_ZONE)}, ${personName(v.by)}`,
                },
                { title: 'Строк', key: 'rows', render: (_, v) => v.rows },
                { title: 'Изменения', key: 'changes', render: (_, v) => changesText(v) },
              ]}
            />
          </Card>
          <Card
            title={
              <h2 className="card-title">
                На последней версии ({t.adopted.filter((a) => a.onLatest).length})
              </h2>
            }
          >
            {t.adopted.some((a) => a.onLatest) ? (
              <Table
                rowKey="schoolId"
                size="small"
                pagination={false}
                scroll={{ x: true }}
                dataSource={t.adopted.filter((a) => a.onLatest)}
                caption={`Школы, принявшие версию ${t.version}`}
                columns={adoptionColumns(false)}
              />
            ) : (
              <Empty description={`Версию ${t.version} пока не приняла ни одна школа.`} />
            )}
          </Card>
          <Card
            title={
              <h2 className="card-title">
                На прежней версии ({t.adopted.filter((a) => !a.onLatest).length})
              </h2>
            }
          >
            {t.adopted.some((a) => !a.onLatest) ? (
              <>
                <Typography.Paragraph type="secondary">
                  Этим школам доступна версия {t.version}: директор принимает её на странице плана.
                </Typography.Paragraph>
                <Table
                  rowKey="schoolId"
                  size="small"
                  pagination={false}
                  scroll={{ x: true }}
                  dataSource={t.adopted.filter((a) => !a.onLatest)}
                  caption="Школы на прежних версиях шаблона"
                  columns={adoptionColumns(true)}
                />
              </>
            ) : (
              <Empty description="Никто не отстал: все принявшие школы на последней версии." />
            )}
          </Card>
          <Card title={<h2 className="card-title">Ещё не приняли ({t.notAdopted.length})</h2>}>
            {t.notAdopted.length > 0 ? (
              <ul className="plain-list">
                {t.notAdopted.map((s) => (
                  <li key={s.schoolId}>{s.name}</li>
                ))}
              </ul>
            ) : (
              <Empty description="Шаблон приняли все школы района." />
            )}
          </Card>
          {districtId ? (
            <PublishTemplate
              districtId={districtId}
              revising={{
                templateId: t.templateId,
                title: t.title,
                academicYear: t.academicYear,
                version: t.version,
              }}
            />
          ) : null}
        </>
      )}
    </>
  );
}
