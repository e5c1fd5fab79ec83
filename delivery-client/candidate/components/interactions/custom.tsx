/** customInteraction / portableCustomInteraction: code tasks are shown; other custom kinds say plainly they cannot be. */
import { useI18n } from '../../../shared/i18n.tsx';
import { CodeTaskInteraction, isCodeTask } from './code-task.tsx';
import type { InteractionProps } from './shared.tsx';

export function Unsupported({ element }: InteractionProps) {
  const { t } = useI18n();
  return (
    <p className="banner message" role="note">
      {t('item.unsupported')} ({element.name})
    </p>
  );
}

export function CustomInteraction({ element }: InteractionProps) {
  return isCodeTask(element) ? <CodeTaskInteraction element={element} /> : <Unsupported element={element} />;
}
