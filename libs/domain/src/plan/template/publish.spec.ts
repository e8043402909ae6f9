import { spec } from '../../testing';
import { decideTemplate } from './publish';
import { templateStreamName } from '../../streams';
import { evolveTemplate, initialTemplateState, type TemplateState } from './state';
import { publishTemplate, templateRow } from './testing';
import type { TemplateEvent } from './events';

const template = spec(
  (command: ReturnType<typeof publishTemplate>, state: TemplateState) => decideTemplate(command, state),
  evolveTemplate,
  initialTemplateState,
);

const math = templateRow('r-math', '2031-04-01', '2031-04-30');
const russian = templateRow('r-russian', '2031-04-01', '2031-04-30');
const history = templateRow('r-history', '2031-03-01', '2031-03-31');

const published: TemplateEvent = {
  type: 'TemplatePublished',
  data: { ...publishTemplate([math, russian]).data, version: 1 },
};

describe('a district plan template', () => {
  describe('given nothing published', () => {
    it('when the district publishes rows, then version 1 is published with them', () => {
      const state = template
        .given([])
        .when(publishTemplate([math, russian]), undefined)
        .then([published]);
      expect(state).toMatchObject({ status: 'published', versions: [{ version: 1 }] });
    });

    it('when the template has no rows, then it is refused', () => {
      template.given([]).when(publishTemplate([]), undefined).thenThrows('TEMPLATE_EMPTY');
    });

    it('when two rows share a key, then it is refused', () => {
      template
        .given([])
        .when(publishTemplate([math, math]), undefined)
        .thenThrows('TEMPLATE_ROW_DUPLICATE');
    });
  });

  describe('given version 1 published', () => {
    it('when the same rows are published again, then nothing is recorded', () => {
      template
        .given([published])
        .when(publishTemplate([math, russian]), undefined)
        .thenNothing();
    });

    it('when a row moves, one is added and one removed, then version 2 records the difference', () => {
      const moved = { ...math, window: { from: '2031-05-01', to: '2031-05-31' } };
      const state = template
        .given([published])
        .when(publishTemplate([moved, history]), undefined)
        .then([
          {
            type: 'TemplateRevised',
            data: {
              ...publishTemplate([moved, history]).data,
              version: 2,
              changes: {
                added: ['r-history'],
                rescheduled: [{ procedureId: 'r-math', from: math.window, to: moved.window }],
                cancelled: [{ procedureId: 'r-russian', reason: expect.any(String) }],
                amended: [],
                unchanged: 0,
              },
            },
          },
        ]);
      expect(state.status === 'published' && state.versions.map((v) => v.version)).toEqual([1, 2]);
    });

    it('when the publisher saw an older version, then it is a conflict', () => {
      const v2: TemplateEvent = {
        type: 'TemplateRevised',
        data: {
          ...publishTemplate([math]).data,
          version: 2,
          changes: { added: [], rescheduled: [], cancelled: [], amended: [], unchanged: 1 },
        },
      };
      template
        .given([published, v2])
        .when(publishTemplate([history], { expectedVersion: 1 }), undefined)
        .thenThrows('TEMPLATE_VERSION_CONFLICT');
    });

    it('when it is published for another academic year, then it is refused', () => {
      template
        .given([published])
        .when(publishTemplate([history], { academicYear: '2031/32' }), undefined)
        .thenThrows('TEMPLATE_YEAR_FIXED');
    });
  });

  it('names one stream per district and template', () => {
    expect(templateStreamName('district-1', 'vpr')).toBe('template-district-1-vpr');
  });
});
