// The one control for choosing an Intercom region (US, EU, AU), used wherever a region is asked.
import { REGIONS, type Region } from '../../../shared/model'

export function RegionSelect({ value, onChange, id }: { value: Region; onChange: (r: Region) => void; id: string }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as Region)}>
      {REGIONS.map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </select>
  )
}
