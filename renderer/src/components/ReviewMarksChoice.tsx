import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export type ReviewMarksAnswer = 'accept' | 'keep';

/**
 * A Word paper that still has tracked changes or comments: the officer decides, before anything is
 * imported, whether to take the changes as accepted (Word's Accept All; comments left out) or to
 * keep them showing in the paper (deletions struck through, comments in brackets) and settle them later.
 */
export const ReviewMarksChoice = ({ sourceFile, marks, onChoose, onCancel }: { sourceFile: string; marks: string; onChoose: (answer: ReviewMarksAnswer) => void; onCancel: () => void }) => (
  <MessageBar intent="warning" layout="multiline">
    <MessageBarBody>
      <MessageBarTitle>{sourceFile} still has {marks}</MessageBarTitle>
      Accepting them gives the text as Word’s Accept All would, with the comments left out. Keeping them shows deleted text struck through and each comment in square brackets where it was made, to settle with the author before the pack goes out.
    </MessageBarBody>
    <MessageBarActions>
      <Button appearance="primary" onClick={() => onChoose('accept')}>
        Accept all changes
      </Button>
      <Button onClick={() => onChoose('keep')}>Keep them showing</Button>
      <Button appearance="transparent" onClick={onCancel}>
        Do not import
      </Button>
    </MessageBarActions>
  </MessageBar>
);
