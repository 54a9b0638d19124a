import { avatarHue, initials } from '../../lib/avatar';
import { cn } from '../../lib/cn';

/** Initials on a colour derived from the id (the API has no pictures). */
export function Avatar({
  id,
  name,
  size = 32,
  className,
}: {
  id?: string | null;
  name?: string | null;
  size?: number;
  className?: string;
}) {
  const hue = avatarHue(id ?? name);
  return (
    <span
      aria-hidden="true"
      className={cn(
        'inline-flex shrink-0 select-none items-center justify-center rounded-md font-semibold text-white',
        className,
      )}
      style={{ width: size, height: size, fontSize: Math.round(size * 0.4), backgroundColor: `oklch(0.5 0.15 ${hue})` }}
    >
      {initials(name)}
    </span>
  );
}
