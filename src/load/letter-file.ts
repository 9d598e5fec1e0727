// Where a letter lives: letters/<id>/letter.yaml. Apart from the loader so that finding
// letters and checking them up to date need not load the YAML readers.

export function letterFile(id: string): string {
  return `letters/${id}/letter.yaml`;
}
