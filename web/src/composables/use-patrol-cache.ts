import type { CheckIn, PatrolPlan } from '@/api/patrols'
import { useUserStore } from '@/stores/user'
import { plansAt } from '@/utils/patrol'

/**
 * What the phone keeps for checking in without a network: the person's plans (with their
 * checkpoints and items) from the last visit online, and the checkpoints visited (with limits).
 */
const key = (userId: number, what: string) => `steward.patrol.${what}.${userId}`

function read<T>(k: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(k)
    return raw ? (JSON.parse(raw) as T) : fallback
  } catch {
    return fallback
  }
}

function write(k: string, value: unknown) {
  try {
    localStorage.setItem(k, JSON.stringify(value))
  } catch {
    // A full or disabled storage only costs the offline check-in.
  }
}

export function usePatrolCache() {
  const user = useUserStore()
  const id = () => user.me?.id ?? 0

  function keepPlans(plans: PatrolPlan[]) {
    write(key(id(), 'plans'), plans)
  }

  function keepCheckIn(answer: CheckIn) {
    const visited = read<Record<string, CheckIn['checkpoint']>>(key(id(), 'checkpoints'), {})
    visited[answer.checkpoint.id] = answer.checkpoint
    write(key(id(), 'checkpoints'), visited)
  }

  /** A check-in from what was kept: the checkpoint (as far as known) and its plans, no slots. */
  function offlineCheckIn(scanned: string): CheckIn | null {
    const found = plansAt(read<PatrolPlan[]>(key(id(), 'plans'), []), scanned)
    if (!found) return null
    const known = read<Record<string, CheckIn['checkpoint']>>(key(id(), 'checkpoints'), {})[found.checkpointId]
    const point = found.plans[0].checkpoints.find((c) => c.id === found.checkpointId)!
    const checkpoint = known ?? {
      id: point.id,
      projectId: found.plans[0].projectId,
      projectName: found.plans[0].projectName,
      code: point.code,
      name: point.name,
      kind: 'other',
      place: point.place,
      opensAt: null,
      closesAt: null,
      active: true,
      stopped: false,
      qr: '',
      limits: [],
    }
    return { checkpoint, plans: found.plans, due: [] }
  }

  return { keepPlans, keepCheckIn, offlineCheckIn }
}
