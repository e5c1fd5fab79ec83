/**
 * customInteraction / portableCustomInteraction: code tasks are shown; portable custom interactions
 * run in their sandboxed frame; other custom kinds say plainly they cannot be.
 */
import { useI18n } from '../../../shared/i18n.tsx';
import { CodeTaskInteraction, isCodeTask } from './code-task.tsx';
import { isPortableInteraction, PortableInteractionFrame } from './pci-frame.tsx';
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
  if (isCodeTask(element)) return <CodeTaskInteraction element={element} />;
  if (isPortableInteraction(element)) return <PortableInteractionFrame element={element} />;
  return <Unsupported element={element} />;
}
